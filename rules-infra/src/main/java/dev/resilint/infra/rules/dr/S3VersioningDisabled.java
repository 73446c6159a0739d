package dev.resilint.infra.rules.dr;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ListItems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DR05: an S3 bucket without versioning, where an overwrite or a delete, by a bug, a script or an
 * attacker, destroys the only copy of an object. What it fires on and when it stays quiet, case by
 * case, is in its {@link #METADATA}.
 */
public final class S3VersioningDisabled extends ResourceRule {

    static final String BUCKET = "AWS::S3::Bucket";
    static final String DISTRIBUTION = "AWS::CloudFront::Distribution";
    static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    static final String CLASSIC_LOAD_BALANCER = "AWS::ElasticLoadBalancing::LoadBalancer";

    /** CDK's tag on a bucket whose objects it deletes with the stack ({@code autoDeleteObjects: true}). */
    static final String AUTO_DELETE_TAG = "aws-cdk:auto-delete-objects";

    /** Where each type names the bucket that receives its access logs. */
    private static final Map<String, String> LOG_PATHS = Map.of(
            BUCKET, "Properties/LoggingConfiguration/DestinationBucketName",
            DISTRIBUTION, "Properties/DistributionConfig/Logging/Bucket",
            CLASSIC_LOAD_BALANCER, "Properties/AccessLoggingPolicy/S3BucketName",
            LOAD_BALANCER, "Properties/LoadBalancerAttributes");

    public static final RuleMetadata METADATA = RuleMetadata.builder("DR05", S3VersioningDisabled.class)
            .severity(Severity.WARNING)
            .summary("An S3 bucket does not keep object versions.")
            .rationale("Without versioning, a `PUT` over an existing key or a `DELETE` destroys the object for "
                    + "good: a release that writes bad data, a cleanup script with the wrong prefix or stolen "
                    + "credentials leave nothing to roll back to. With versioning, the previous version stays "
                    + "restorable (lifecycle rules can expire old versions to bound the cost). Two kinds of "
                    + "bucket are exempt because their objects are written once and never worth restoring: "
                    + "buckets that receive access logs of other resources of the template, and CDK buckets "
                    + "declared disposable with `autoDeleteObjects` (CDK tags them `aws-cdk:auto-delete-objects`).")
            .remediation("Add `VersioningConfiguration: {Status: Enabled}` to the bucket, and a lifecycle rule with "
                    + "`NoncurrentVersionExpiration` to bound what old versions cost.")
            .wellArchitected("REL09-BP01", "REL13-BP02")
            .anchors(Reference.awsConfig("s3-bucket-versioning-enabled"),
                    Reference.cdkNag("NIST.800.53.R5-S3BucketVersioningEnabled"),
                    Reference.checkov("CKV_AWS_21", "S3Versioning.py"))
            .tags("backup", "storage")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(BUCKET)
            .reads(DISTRIBUTION, LOAD_BALANCER, CLASSIC_LOAD_BALANCER)
            .firesOn("An `AWS::S3::Bucket` whose `VersioningConfiguration.Status` is not set (a bucket is never "
                    + "versioned unless enabled) or `Suspended`, in every possibility.")
            .quietWhen("`VersioningConfiguration.Status: Enabled`, a status that is neither `Enabled` nor `Suspended` "
                            + "(CloudFormation refuses it), or a status that cannot be known.",
                    "A bucket that receives access logs: the `LoggingConfiguration.DestinationBucketName` of another "
                            + "bucket, the `DistributionConfig.Logging.Bucket` of a CloudFront distribution, the "
                            + "`AccessLoggingPolicy.S3BucketName` of a Classic Load Balancer or the "
                            + "`access_logs.s3.bucket` attribute of a load balancer refers to it.",
                    "A bucket tagged `aws-cdk:auto-delete-objects: true` (CDK's `autoDeleteObjects`): its owner "
                            + "declared its objects disposable.",
                    "The resource's `Condition` is provably false.",
                    "In a live scan: where another bucket, a distribution or a load balancer of the account sends "
                            + "its access logs could not be read (the bucket is then not evaluated, since it may be "
                            + "their target; the live scan does not read CloudFront's access-log settings, so in an "
                            + "account with distributions the buckets without versioning are not evaluated).")
            .build();

    private static final String STATUS = "VersioningConfiguration/Status";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource bucket, GraphView graph, RuleContext context) {
        Value status = graph.property(bucket, STATUS);
        Optional<List<String>> states = status.readEach(o -> o instanceof Value.Absent ? Optional.of("")
                : o.asString().map(s -> s.trim().toLowerCase(Locale.ROOT)));
        if (states.isEmpty() || !states.get().stream().allMatch(st -> st.isEmpty() || st.equals("suspended"))
                || receivesLogs(graph, bucket)
                || autoDeletes(graph, bucket)
                || logTargetsUnread(graph, bucket)) {
            return;
        }
        String state = status.isAbsent() ? "has no VersioningConfiguration (versioning is off unless enabled)"
                : states.get().stream().allMatch(String::isEmpty) ? "has no VersioningConfiguration.Status "
                        + "(versioning is off unless enabled)"
                : "has versioning suspended (VersioningConfiguration.Status: Suspended)";
        context.report(bucket.locateProperty(STATUS), "S3 bucket " + bucket.displayName() + " " + state
                + ", so an overwrite or a delete destroys the only copy of an object; set "
                + "VersioningConfiguration.Status: Enabled");
    }

    /** True when another resource of the template writes its access logs to the bucket. */
    private static boolean receivesLogs(GraphView graph, Resource bucket) {
        for (References.Edge edge : graph.edgesTo(bucket)) {
            Resource from = graph.resource(edge.from()).orElse(null);
            String path = from == null ? null : LOG_PATHS.get(from.type());
            if (path != null && (edge.path().equals(path) || edge.path().startsWith(path + "/"))
                    && graph.mayExist(from)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a live scan could not read where another resource that can send access logs (a bucket,
     * a distribution, a load balancer) sends them: it may send them to this bucket, so this one cannot
     * be judged (the read gap is recorded as this bucket's).
     */
    private static boolean logTargetsUnread(GraphView graph, Resource bucket) {
        boolean unread = false;
        // in a fixed order: the first gap found is the one reported
        for (String type : List.of(BUCKET, DISTRIBUTION, CLASSIC_LOAD_BALANCER, LOAD_BALANCER)) {
            String path = LOG_PATHS.get(type).substring("Properties/".length());
            for (Resource other : graph.ofType(type)) {
                if (!other.id().equals(bucket.id()) && graph.mayExist(other)) {
                    unread |= graph.property(other, path, bucket).possibilities().stream()
                            .anyMatch(v -> v instanceof Value.Unknown u && u.reason().isReadGap());
                }
            }
        }
        return unread;
    }

    /** True for CDK's auto-delete tag, and for tags a live scan could not read (then the gap is recorded). */
    private static boolean autoDeletes(GraphView graph, Resource bucket) {
        Value value = graph.property(bucket, "Tags");
        if (value.possibilities().stream().anyMatch(v -> v instanceof Value.Unknown u && u.reason().isReadGap())) {
            return true;
        }
        Optional<List<Value>> tags = ListItems.of(value);
        return tags.isPresent() && tags.get().stream().anyMatch(tag ->
                ListItems.text(tag, "Key").equals(Optional.of(AUTO_DELETE_TAG))
                        && ListItems.text(tag, "Value").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false));
    }
}
