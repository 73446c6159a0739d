package dev.resilint.core.report;

import static dev.resilint.core.report.ReportFixtures.options;
import static dev.resilint.core.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecVersion;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.NotEvaluated;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluation gaps appear in every human-readable format and in SARIF, never as a pass. */
class GapReportsTest {

    @Test
    void textListsEachGapAfterTheFindingsAndCountsThemInTheSummary() {
        String text = render(ReportFormat.TEXT, ReportFixtures.withGaps(), options());
        assertThat(text).contains("not evaluated\n")
                .contains("  gap  123456789012 eu-west-1  AWS::EC2::Subnet  access-denied  AZ04, LB01: "
                        + "ec2:DescribeSubnets: AccessDenied (User is not authorized)\n")
                .contains("  gap  123456789012 eu-west-1  AWS::RDS::DBInstance "
                        + "arn:aws:rds:eu-west-1:123456789012:db:orders  access-denied  AZ04")
                .contains("  gap  123456789012 us-east-1  AWS::ElasticLoadBalancingV2::LoadBalancer  throttled  LB01")
                .contains("; 4 gaps (rules not evaluated).");
        assertThat(text.indexOf("not evaluated\n")).isLessThan(text.lastIndexOf("No findings"));
    }

    @Test
    void textShowsTheFirstTwentyGapsUnlessVerbose() {
        List<NotEvaluated> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(new NotEvaluated("AZ01", "123456789012/eu-west-1", "AWS::EC2::Subnet",
                    NotEvaluated.Reason.ERROR, "call " + i, ""));
        }
        Report report = new Report(ReportFixtures.rules(), List.of(), List.of(), List.of(), List.of(), false,
                List.of(), many, List.of(), List.of(), FailThreshold.WARNING);
        String brief = render(ReportFormat.TEXT, report, options());
        assertThat(brief.lines().filter(l -> l.startsWith("  gap  ")).count()).isEqualTo(TextReporter.MAX_GAPS);
        assertThat(brief).contains("... 5 more (--verbose lists every gap)");
        String verbose = render(ReportFormat.TEXT, report, options(false, true, false));
        assertThat(verbose.lines().filter(l -> l.startsWith("  gap  ")).count()).isEqualTo(25);
    }

    @Test
    void markdownHasANotEvaluatedTableAndAWarningVerdict() {
        String md = render(ReportFormat.MARKDOWN, ReportFixtures.withGaps(), options());
        assertThat(md).startsWith("## :warning: resilint: no findings, but it could not evaluate everything")
                .contains("### Not evaluated\n\n| Where | Resource type | Reason | Rules | Detail |")
                .contains("| 123456789012 eu-west-1 | `AWS::EC2::Subnet` | access-denied | AZ04, LB01 |");
    }

    @Test
    void junitMakesEachGapASkippedCase() {
        String xml = render(ReportFormat.JUNIT, ReportFixtures.withGaps(), options());
        assertThat(xml).contains("<testsuite name=\"resilint.not-evaluated\"")
                .contains("classname=\"123456789012 eu-west-1\" name=\"AWS::EC2::Subnet (AZ04, LB01)\"")
                .contains("<skipped message=\"not evaluated: access-denied: ec2:DescribeSubnets: AccessDenied");
    }

    @Test
    void sarifCarriesGapsAsWarningNotificationsAndStaysValid() {
        JsonNode sarif = SchemaValidation.parse(render(ReportFormat.SARIF, ReportFixtures.withGaps(), options()));
        SchemaValidation.assertValid(SchemaValidation.load("/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V4),
                sarif);
        JsonNode notifications = sarif.at("/runs/0/invocations/0/toolExecutionNotifications");
        List<String> texts = new ArrayList<>();
        notifications.forEach(n -> {
            assertThat(n.at("/level").asText()).isEqualTo("warning");
            assertThat(n.at("/descriptor/id").asText()).isEqualTo("not-evaluated");
            texts.add(n.at("/message/text").asText());
        });
        assertThat(texts).hasSize(4).anyMatch(t -> t.startsWith("not evaluated: 123456789012 eu-west-1  AWS::EC2::Subnet"));
    }
}
