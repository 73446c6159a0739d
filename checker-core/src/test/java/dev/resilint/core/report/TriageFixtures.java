package dev.resilint.core.report;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.ResourceTags;
import dev.resilint.core.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Live-scan reports of two nights, for the tests of {@code --compare} and {@code --group-by}: two
 * accounts in eu-west-1, RDS instances (AZ04) and load balancers (LB01), tagged with an owner.
 */
final class TriageFixtures {

    static final String PROD = "111122223333";
    static final String DEV = "444455556666";
    static final LocalDate NIGHT1 = LocalDate.of(2027, 3, 30);
    static final LocalDate NIGHT2 = LocalDate.of(2027, 3, 31);

    private TriageFixtures() {
    }

    static String arn(String account, String db) {
        return "arn:aws:rds:eu-west-1:" + account + ":db:" + db;
    }

    static Location.Live db(String account, String name) {
        return new Location.Live(arn(account, name), account, "eu-west-1", "AWS::RDS::DBInstance");
    }

    /** AZ04 on the instance {@code name} of {@code account}. */
    static Finding singleAz(String account, String name) {
        return Finding.of("AZ04", Severity.WARNING, "RDS instance " + name + " is not Multi-AZ", db(account, name),
                null);
    }

    /** LB01 on the instance {@code name} of {@code account}. */
    static Finding alone(String account, String name) {
        return Finding.of("LB01", Severity.ERROR, "Instance " + name + " runs alone",
                new Location.Live("arn:aws:ec2:eu-west-1:" + account + ":instance/" + name, account, "eu-west-1",
                        "AWS::EC2::Instance"), null);
    }

    static String scope(String account) {
        return account + "/eu-west-1";
    }

    /** A gap of AZ04 in {@code account}: the instances could not be listed. */
    static NotEvaluated deniedInstances(String account) {
        return new NotEvaluated("AZ04", scope(account), "AWS::RDS::DBInstance", NotEvaluated.Reason.ACCESS_DENIED,
                "rds:DescribeDBInstances: AccessDenied", "");
    }

    /** The account's role could not be assumed: nothing in it was judged. */
    static List<NotEvaluated> unassumable(String account) {
        return List.of(
                new NotEvaluated("AZ04", account + "/*", "*", NotEvaluated.Reason.ACCESS_DENIED,
                        "sts:AssumeRole: AccessDenied", ""),
                new NotEvaluated("LB01", account + "/*", "*", NotEvaluated.Reason.ACCESS_DENIED,
                        "sts:AssumeRole: AccessDenied", ""));
    }

    /** A live-scan report of {@code date} over the {@code scopes} it judged. */
    static Report report(LocalDate date, List<Finding> findings, List<NotEvaluated> gaps, List<String> scopes,
            ResourceTags tags) {
        return report(date, findings, List.of(), gaps, List.of(), scopes, tags);
    }

    static Report report(LocalDate date, List<Finding> findings, List<Finding> suppressed, List<NotEvaluated> gaps,
            List<Problem> problems, List<String> scopes, ResourceTags tags) {
        return new Report(List.of(ReportFixtures.rdsMultiAz(), ReportFixtures.loadBalancer()), findings, suppressed,
                List.of(), List.of(), false, problems, gaps, List.of(), List.of(), FailThreshold.WARNING,
                Optional.of(date), scopes, tags, Optional.empty());
    }

    /** Tags by location: {@code owner} of each resource. */
    static ResourceTags owners(Map<Location, String> owners) {
        Map<String, Map<String, String>> read = new java.util.HashMap<>();
        owners.forEach((l, o) -> read.put(ResourceTags.key(l), Map.of("Owner", o)));
        return ResourceTags.of(read, Set.of());
    }

    /** {@code report} written as JSON to {@code file} and read back as a previous report. */
    static PreviousReport previous(Report report, ReportOptions options, Path file) {
        try {
            Files.writeString(file, ReportFixtures.render(ReportFormat.JSON, report, options));
            return PreviousReport.read(file, file.getFileName().toString(), new JsonReportReader(JsonReportReaderTest.CATALOG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PreviousReportException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static PreviousReport previous(Report report, Path file) {
        return previous(report, ReportFixtures.options(), file);
    }
}
