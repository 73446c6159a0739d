package dev.resilint.core.report;

import dev.resilint.core.CoreRules;
import dev.resilint.core.Engine;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.baseline.Baseline;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Realistic reports for the reporter tests; every call builds a fresh, equal instance. */
final class ReportFixtures {

    static final String VERSION = "1.2.3-test";
    static final String DB = "stacks/db.yaml";
    static final String WEB = "stacks/web app.yaml";
    static final String LEGACY = "stacks/legacy.yaml";
    static final String BROKEN = "stacks/broken.yaml";
    static final String CLIENT_SRC = "src/main/java/com/example/OrderClient.java";
    static final String ORDERS_ARN = "arn:aws:rds:eu-west-1:123456789012:db:orders";
    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:jobs";
    static final String STALE_FINGERPRINT = "00000000000000000000000000000000";

    private ReportFixtures() {
    }

    static RuleMetadata rdsMultiAz() {
        return RuleMetadata.builder("AZ04", "RdsInstanceSingleAz")
                .severity(Severity.WARNING)
                .summary("An RDS DB instance runs in one Availability Zone.")
                .rationale("A single-AZ database is unavailable while its zone is impaired or while it is patched.")
                .remediation("Set `MultiAZ: true`, or use an Aurora cluster with a replica in another zone.")
                .wellArchitected("REL10-BP01")
                .anchors(Reference.awsConfig("rds-multi-az-support"))
                .reference(Reference.doc("RDS Multi-AZ", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html"))
                .tags("availability", "rds")
                .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
                .resourceTypes("AWS::RDS::DBInstance")
                .build();
    }

    static RuleMetadata loadBalancer() {
        return RuleMetadata.builder("LB01", "SingleInstanceWithoutLoadBalancer")
                .severity(Severity.ERROR)
                .summary("A service runs on one instance with no load balancer in front.")
                .rationale("One instance is a single point of failure; without a load balancer no traffic can move.")
                .remediation("Put the instances in an Auto Scaling group behind an Application Load Balancer.")
                .wellArchitected("REL10-BP03")
                .tags("availability")
                .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
                .build();
    }

    static RuleMetadata cacheTtl() {
        return RuleMetadata.builder("CA01", "CacheWithoutTtl")
                .severity(Severity.NOTE)
                .summary("A cache has no time to live.")
                .rationale("Entries without TTL grow stale forever after a missed invalidation.")
                .remediation("Set a TTL that matches how stale the data may be.")
                .tags("cache")
                .sources(SourceKind.TEMPLATE)
                .build();
    }

    static RuleMetadata clientTimeout() {
        return RuleMetadata.builder("CT01", "HttpClientWithoutTimeout")
                .severity(Severity.ERROR)
                .summary("An HTTP client is built without timeouts.")
                .rationale("A call without a timeout waits forever on a slow dependency and exhausts threads.")
                .remediation("Set connect and read timeouts on the client builder.")
                .wellArchitected("REL05-BP05")
                .tags("timeouts", "code")
                .sources(SourceKind.CODE)
                .build();
    }

    static RuleMetadata queueDlq() {
        return RuleMetadata.builder("QU01", "QueueWithoutDeadLetterQueue")
                .severity(Severity.WARNING)
                .summary("An SQS queue has no dead-letter queue.")
                .rationale("Poison messages are retried forever and block the queue.")
                .remediation("Add a RedrivePolicy with a dead-letter queue.")
                .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
                .build();
    }

    /** Rules that ran; QU01 has no active findings (only a suppressed one). */
    static List<RuleMetadata> rules() {
        return List.of(rdsMultiAz(), cacheTtl(), clientTimeout(), loadBalancer(), queueDlq(),
                CoreRules.INVALID_SUPPRESSION);
    }

    static Location.Template dbMultiAz() {
        return new Location.Template(DB, 12, 7, "Resources/Db/Properties/MultiAZ", "Db", "AWS::RDS::DBInstance");
    }

    /** Active findings of every kind of location, in the engine's order. */
    static List<Finding> findings() {
        return Engine.normalize(List.of(
                Finding.of("AZ04", Severity.WARNING, "RDS instance Db is not Multi-AZ | set MultiAZ: true",
                        dbMultiAz(), null),
                Finding.of("CA01", Severity.NOTE, "Cache has no TTL <b>*stale*</b>",
                        new Location.Template(DB, 0, 0, "Resources/Cache", "Cache", "AWS::ElastiCache::CacheCluster"),
                        null),
                Finding.of("LB01", Severity.ERROR, "Instance Web runs alone & has no load balancer",
                        new Location.Template(WEB, 5, 3, "Resources/Web", "Web", "AWS::EC2::Instance"), null),
                Finding.of("AZ04", Severity.WARNING, "RDS instance orders is not Multi-AZ",
                        new Location.Live(ORDERS_ARN, "123456789012", "eu-west-1", "AWS::RDS::DBInstance"), null),
                Finding.of("CT01", Severity.ERROR, "HttpClient built without timeouts in fetch()",
                        new Location.Code("com.example.OrderClient", "fetch", CLIENT_SRC, 42), null),
                Finding.of("CT01", Severity.WARNING, "OkHttpClient without read timeout",
                        new Location.Code("com.example.Legacy", "", "", 0), null)));
    }

    static List<Finding> suppressed() {
        Location.Template replica = new Location.Template(DB, 30, 7, "Resources/Replica/Properties/MultiAZ",
                "Replica", "AWS::RDS::DBInstance");
        Suppression inSource = new Suppression("AZ04", "Replica is rebuilt from snapshots nightly",
                Optional.empty(), new SuppressionScope.Resource(DB, "Replica"),
                new Location.Template(DB, 26, 5, "Resources/Replica/Metadata/resilint", "Replica",
                        "AWS::RDS::DBInstance"), Suppression.Format.RESILINT_METADATA);
        Location.Live queue = new Location.Live(QUEUE_ARN, "123456789012", "us-east-1", "AWS::SQS::Queue");
        Suppression external = new Suppression("QU01", "Jobs are idempotent and replayed from S3",
                Optional.of(LocalDate.of(2027, 3, 31)), new SuppressionScope.PathGlob("arn:aws:sqs:*"),
                new Location.Template(".resilint.yaml", 4, 3, "suppressions/0", "", ""), Suppression.Format.CONFIG);
        return List.of(
                Finding.of("AZ04", Severity.WARNING, "RDS instance Replica is not Multi-AZ", replica, null)
                        .withSuppression(inSource),
                Finding.of("QU01", Severity.WARNING, "Queue jobs has no dead-letter queue", queue, null)
                        .withSuppression(external));
    }

    static List<Finding> baselined() {
        return List.of(Finding.of("LB01", Severity.ERROR, "Instance Old runs alone",
                new Location.Template(LEGACY, 3, 3, "Resources/Old", "Old", "AWS::EC2::Instance"), null));
    }

    static List<Baseline.Entry> stale() {
        return List.of(new Baseline.Entry(STALE_FINGERPRINT, "AZ04", "stacks/old.yaml#Resources/Gone"));
    }

    static List<Problem> problems() {
        return List.of(
                Problem.input(BROKEN, 3, 1, "mapping values are not allowed here"),
                Problem.internal("LB01", WEB, "NullPointerException: boom"));
    }

    static List<String> files() {
        return List.of(BROKEN, DB, LEGACY, WEB);
    }

    /** The full report: every kind of finding, suppression, baseline entry and problem. */
    static Report full() {
        return new Report(rules(), findings(), suppressed(), baselined(), stale(), true, problems(), files(),
                List.of("skipped README.md: not a CloudFormation template"), FailThreshold.WARNING);
    }

    /** Like {@link #full()} without problems, so that findings decide the exit code. */
    static Report withoutProblems() {
        Report r = full();
        return new Report(r.rules(), r.findings(), r.suppressed(), r.baselined(), r.staleBaselineEntries(), true,
                List.of(), r.files(), r.notes(), r.threshold());
    }

    /**
     * Evaluation gaps, unsorted: two rules stopped by one unreadable type in eu-west-1 (one entry),
     * one of them twice, a throttled type in us-east-1, one resource whose details were denied,
     * and a gap whose scope is not {@code account/region}.
     */
    static List<NotEvaluated> gaps() {
        String eu = "123456789012/eu-west-1";
        String denied = "ec2:DescribeSubnets: AccessDenied (User is not authorized)";
        return List.of(
                new NotEvaluated("LB01", "123456789012/us-east-1", "AWS::ElasticLoadBalancingV2::LoadBalancer",
                        NotEvaluated.Reason.THROTTLED, "elbv2:DescribeLoadBalancers: Throttling", ""),
                new NotEvaluated("AZ04", eu, "AWS::EC2::Subnet", NotEvaluated.Reason.ACCESS_DENIED, denied, ""),
                new NotEvaluated("AZ04", eu, "AWS::RDS::DBInstance", NotEvaluated.Reason.ACCESS_DENIED,
                        "rds:DescribeDBInstances: AccessDenied", ORDERS_ARN),
                new NotEvaluated("LB01", eu, "AWS::EC2::Subnet", NotEvaluated.Reason.ACCESS_DENIED, denied, ""),
                new NotEvaluated("AZ04", eu, "AWS::EC2::Subnet", NotEvaluated.Reason.ACCESS_DENIED, denied, ""),
                new NotEvaluated("CA01", DB, "AWS::ElastiCache::CacheCluster", NotEvaluated.Reason.UNSUPPORTED, "", ""));
    }

    /** Rules ran and found nothing, but could not judge everything: exit code 4. */
    static Report withGaps() {
        return new Report(rules(), List.of(), List.of(), List.of(), List.of(), false, List.of(), gaps(), files(),
                List.of(), FailThreshold.WARNING);
    }

    /** Rules ran over files and found nothing. */
    static Report clean() {
        return new Report(rules(), List.of(), List.of(), List.of(), List.of(), false, List.of(), files(), List.of(),
                FailThreshold.WARNING);
    }

    /** Nothing at all: no rules, no files. */
    static Report empty() {
        return new Report(List.of(), List.of(), List.of(), List.of(), List.of(), false, List.of(), List.of(),
                List.of(), FailThreshold.ERROR);
    }

    static ReportOptions options() {
        return new ReportOptions(false, false, false, VERSION);
    }

    static ReportOptions options(boolean color, boolean verbose, boolean includeSuppressed) {
        return new ReportOptions(color, verbose, includeSuppressed, VERSION);
    }

    static String render(ReportFormat format, Report report, ReportOptions options) {
        StringWriter out = new StringWriter();
        try {
            format.reporter(options).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
