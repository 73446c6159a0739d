package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AZ13: a literal Availability Zone name or id written in a zone property of a template, where
 * {@code Fn::GetAZs} or a parameter belongs (cfn-lint W3010). What it fires on and when it stays
 * quiet, case by case, is in its {@link #METADATA}.
 */
public final class HardcodedAvailabilityZone extends ResourceRule {

    /** The zone properties, wherever they are below a resource's {@code Properties}. */
    static final Set<String> ZONE_PROPERTIES = Set.of("AvailabilityZone", "AvailabilityZones", "AvailabilityZoneName",
            "PreferredAvailabilityZone", "PreferredAvailabilityZones", "PreferredCacheClusterAZs",
            "PrimaryAvailabilityZone", "ReplicaAvailabilityZones");

    /** The types that have such properties: cfn-lint W3010's list, with EFS, ElastiCache, Redshift, Neptune, DocumentDB and capacity reservations. */
    static final List<String> TYPES = List.of("AWS::AutoScaling::AutoScalingGroup", "AWS::DAX::Cluster",
            "AWS::DMS::ReplicationInstance", "AWS::EC2::CapacityReservation", "AWS::EC2::Host", "AWS::EC2::Instance",
            "AWS::EC2::LaunchTemplate", "AWS::EC2::SpotFleet", "AWS::EC2::Subnet", "AWS::EC2::Volume",
            "AWS::EFS::FileSystem", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
            "AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::EMR::Cluster",
            "AWS::Glue::Connection", "AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster", "AWS::OpsWorks::Instance",
            "AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "AWS::Redshift::Cluster");

    /** The resource AWS CDK adds to the templates it synthesizes (unless told not to). */
    static final String CDK_METADATA = "AWS::CDK::Metadata";

    /** Zone names ({@code us-east-1a}, Local Zones such as {@code us-west-2-lax-1a}) and zone ids ({@code use1-az1}). */
    private static final Pattern ZONE = Pattern.compile(
            "[a-z]{2}(-[a-z]+)+-\\d+(-[a-z]+-\\d+)?[a-z]|[a-z]{3,4}\\d?(-[a-z]+\\d+)?-az\\d+");

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ13", HardcodedAvailabilityZone.class)
            .severity(Severity.WARNING)
            .summary("A template hard-codes an Availability Zone name.")
            .rationale("Zone names are per account: `us-east-1a` in one account is a different physical zone than "
                    + "in another, some accounts lack some zones, and a template that names zones cannot be deployed "
                    + "to another region at all. Hard-coded zones also tend to pile every resource into the same "
                    + "first zone. `Fn::GetAZs` with `Fn::Select`, or a parameter of type "
                    + "`AWS::EC2::AvailabilityZone::Name`, let each deployment choose zones that exist and spread "
                    + "them. Decision, as cfn-lint W3010: a literal inside an intrinsic function (`Fn::If`, "
                    + "`Fn::Select` over a literal list, `Fn::FindInMap`), a parameter default and a `Mappings` entry "
                    + "are not hard-coded, `all` (an ELBv2 target outside the VPC) is not a zone, and templates "
                    + "synthesized by AWS CDK are skipped (CDK writes the zones it looked up for the stack's "
                    + "environment).")
            .remediation("Replace the literal with `!Select [0, !GetAZs '']` (another index per zone), or with a "
                    + "`!Ref` to a parameter of type `AWS::EC2::AvailabilityZone::Name` "
                    + "(`List<AWS::EC2::AvailabilityZone::Name>` for a list).")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.cfnLint("W3010"))
            .tags("availability-zone", "portability")
            .sources(SourceKind.TEMPLATE)
            .judges(TYPES.toArray(String[]::new))
            .reads(CDK_METADATA)
            .firesOn("A literal zone name (`us-east-1a`, Local Zones included) or zone id (`use1-az1`) written "
                    + "directly, or as an item of a literal list, in an `AvailabilityZone`, `AvailabilityZones`, "
                    + "`AvailabilityZoneName`, `PreferredAvailabilityZone(s)`, `PreferredCacheClusterAZs`, "
                    + "`PrimaryAvailabilityZone` or `ReplicaAvailabilityZones` property, at any depth of the "
                    + "`Properties` of a resource of the types listed (cfn-lint W3010's, with EFS, ElastiCache, "
                    + "Redshift, Neptune, DocumentDB and capacity reservations). One finding per literal, at it.")
            .quietWhen("The zone comes from a function (`Fn::GetAZs`, `Fn::Select`, `Fn::If`, `Fn::FindInMap`, "
                            + "`Fn::ImportValue`), from a parameter (its default included) or from `Mappings`.",
                    "The value is `all` or is not a zone name or id.",
                    "The resource was synthesized by AWS CDK: it carries `aws:cdk:path` metadata, or its "
                            + "template holds an `AWS::CDK::Metadata` resource.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource resource, GraphView graph, RuleContext context) {
        if (resource.sourcePath().isPresent() || !graph.ofType(CDK_METADATA).isEmpty()) {
            return; // synthesized by AWS CDK, as cfn-lint skips CDK templates
        }
        graph.asWritten(resource, "").ifPresent(properties -> walk(resource, context, properties, "", null, 0));
    }

    private static void walk(Resource resource, RuleContext context, Node node, String path, String key, int depth) {
        if (depth > 32) {
            return;
        }
        if (node instanceof MapNode map) {
            if (map.keys().stream().anyMatch(HardcodedAvailabilityZone::isFunction)) {
                return; // literals inside intrinsic functions are not hard-coded
            }
            for (MapNode.Entry e : map.entries()) {
                walk(resource, context, e.value(), join(path, e.key()), e.key(), depth + 1);
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                walk(resource, context, list.items().get(i), join(path, Integer.toString(i)), key, depth + 1);
            }
        } else if (node instanceof ScalarNode scalar && key != null && ZONE_PROPERTIES.contains(key)) {
            zone(scalar).ifPresent(zone -> context.report(resource.locate("Properties/" + path), resource.type()
                    .replaceFirst("^AWS::", "").replace("::", " ") + " " + resource.displayName() + " hard-codes the "
                    + "Availability Zone " + zone + " in " + key + ": zone names differ between accounts and "
                    + "regions; use !Select [i, !GetAZs ''] or a parameter of type AWS::EC2::AvailabilityZone::Name"));
        }
    }

    private static Optional<String> zone(ScalarNode scalar) {
        if (scalar.isNull()) {
            return Optional.empty();
        }
        String text = scalar.text().trim();
        return ZONE.matcher(text.toLowerCase(Locale.ROOT)).matches() ? Optional.of(text) : Optional.empty();
    }

    private static boolean isFunction(String key) {
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }

    private static String join(String path, String part) {
        return path.isEmpty() ? part : path + "/" + part;
    }
}
