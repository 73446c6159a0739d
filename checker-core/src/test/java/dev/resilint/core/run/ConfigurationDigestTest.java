package dev.resilint.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.config.Config;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The digest changes with everything that decides the findings, and with nothing else. */
class ConfigurationDigestTest {

    static RuleMetadata rule(String id) {
        return RuleMetadata.builder(id, "Rule" + id).severity(Severity.WARNING).summary("A summary.")
                .rationale("Why.").remediation("How.").sources(SourceKind.LIVE).resourceTypes("AWS::SQS::Queue")
                .parameter(RuleParameter.integer("maxDays", 14, "How many days.")).build();
    }

    static Config with(Map<String, Severity> severity, Map<String, Map<String, Object>> parameters,
            List<String> tags, List<Suppression> suppressions) {
        Config d = Config.defaults();
        return new Config(d.file(), d.include(), d.ignore(), severity, parameters, tags, d.failOn(), suppressions,
                d.maxFileSizeBytes());
    }

    static String digest(List<RuleMetadata> rules, Config config, Optional<Baseline> baseline, List<String> analyzers) {
        return ConfigurationDigest.of(rules, config, baseline, analyzers);
    }

    @Test
    void eachSettingThatDecidesFindingsChangesTheDigest() {
        List<RuleMetadata> rules = List.of(rule("AZ01"), rule("LB01"));
        Config config = Config.defaults();
        String base = digest(rules, config, Optional.empty(), List.of("live: regions eu-west-1"));
        assertThat(base).matches("sha256:[0-9a-f]{64}");
        assertThat(digest(List.of(rule("LB01"), rule("AZ01")), Config.defaults(), Optional.empty(),
                List.of("live: regions eu-west-1"))).as("rule order").isEqualTo(base);

        Location.Live queue = new Location.Live("arn:aws:sqs:eu-west-1:111122223333:jobs", "111122223333",
                "eu-west-1", "AWS::SQS::Queue");
        Suppression suppression = new Suppression("AZ01", "by design", Optional.empty(),
                new SuppressionScope.LiveResource(queue.arn()), queue, Suppression.Format.CONFIG);
        Baseline baseline = Baseline.of(List.of(Finding.of("AZ01", Severity.WARNING, "m", queue, queue.arn())));
        Set<String> digests = new LinkedHashSet<>();
        digests.add(base);
        digests.add(digest(rules.subList(0, 1), config, Optional.empty(), List.of("live: regions eu-west-1")));
        digests.add(digest(rules, with(Map.of("AZ01", Severity.ERROR), Map.of(), List.of(), List.of()),
                Optional.empty(), List.of("live: regions eu-west-1")));
        digests.add(digest(rules, with(Map.of(), Map.of("AZ01", Map.of("maxDays", 7)), List.of(), List.of()),
                Optional.empty(), List.of("live: regions eu-west-1")));
        digests.add(digest(rules, with(Map.of(), Map.of(), List.of("team"), List.of()), Optional.empty(),
                List.of("live: regions eu-west-1")));
        digests.add(digest(rules, with(Map.of(), Map.of(), List.of(), List.of(suppression)), Optional.empty(),
                List.of("live: regions eu-west-1")));
        digests.add(digest(rules, config, Optional.of(baseline), List.of("live: regions eu-west-1")));
        digests.add(digest(rules, config, Optional.empty(), List.of("live: regions eu-west-1,us-east-1")));
        assertThat(digests).hasSize(8);
        assertThat(digest(rules, with(Map.of("AZ01", Severity.WARNING), Map.of("AZ01", Map.of("maxDays", 14)),
                List.of(), List.of()), Optional.empty(), List.of("live: regions eu-west-1")))
                .as("the defaults, written out").isEqualTo(base);
    }

    /**
     * Digests of reports written by earlier versions still match: the value below is what the first
     * implementation (a data-binding tree written by an ObjectMapper) gave for this configuration.
     */
    @Test
    void theDigestOfAFixedConfigurationIsTheOneEarlierVersionsWrote() {
        Location.Live queue = new Location.Live("arn:aws:sqs:eu-west-1:111122223333:jobs", "111122223333",
                "eu-west-1", "AWS::SQS::Queue");
        Suppression suppression = new Suppression("AZ01", "by design \"quoted\" é", Optional.of(java.time.LocalDate.of(2027, 1, 31)),
                new SuppressionScope.LiveResource(queue.arn()), queue, Suppression.Format.CONFIG);
        Baseline baseline = Baseline.of(List.of(Finding.of("AZ01", Severity.WARNING, "m", queue, queue.arn())));
        Config config = with(Map.of("AZ01", Severity.ERROR), Map.of("LB01", Map.of("maxDays", 7)), List.of("team", "owner"),
                List.of(suppression));

        assertThat(digest(List.of(rule("LB01"), rule("AZ01")), config, Optional.of(baseline),
                List.of("live: regions eu-west-1", "tags: read"))).isEqualTo("sha256:5449436d2e49da364526a69ccf9cb9045c1a4b37394395740ef970c867dc005e");
        assertThat(digest(List.of(rule("AZ01")), Config.defaults(), Optional.empty(), List.of()))
                .isEqualTo("sha256:38df4cc54c5b781158b1c1c41dfb7f1ce28fd9233f015bf77155c9c2cd4e7715");
    }
}
