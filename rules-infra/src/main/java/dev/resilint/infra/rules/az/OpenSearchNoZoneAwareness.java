package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AZ09: an OpenSearch Service (or legacy Elasticsearch) domain whose data nodes do not survive the
 * loss of an Availability Zone: zone awareness off, or fewer than 3 data nodes. What it fires on and
 * when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class OpenSearchNoZoneAwareness extends ResourceRule {

    static final String OPENSEARCH = "AWS::OpenSearchService::Domain";
    static final String ELASTICSEARCH = "AWS::Elasticsearch::Domain";

    /** The fewest data nodes that keep a quorum and a replica of every shard when one node or zone is lost. */
    static final long MIN_DATA_NODES = 3;

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ09", OpenSearchNoZoneAwareness.class)
            .severity(Severity.WARNING)
            .summary("An OpenSearch domain is not zone-aware or has fewer than 3 data nodes.")
            .rationale("Without zone awareness, OpenSearch Service may place every data node, and every replica "
                    + "of a shard, in one Availability Zone: when that zone fails, the domain is red and searches "
                    + "and writes fail. With fewer than 3 data nodes, the loss of one node (or of the zone holding "
                    + "half of a two-node domain) leaves shards without a replica and the cluster without "
                    + "headroom to recover. Decision: a domain is judged as AWS Config's "
                    + "`opensearch-data-node-fault-tolerance` judges it, on `ZoneAwarenessEnabled` and "
                    + "`InstanceCount` (3 or more); a zone-aware domain over 2 zones with 3 data nodes or more "
                    + "passes, although 3 zones (`ZoneAwarenessConfig.AvailabilityZoneCount: 3`) are better.")
            .remediation("In `ClusterConfig` (`ElasticsearchClusterConfig` for `AWS::Elasticsearch::Domain`) set "
                    + "`ZoneAwarenessEnabled: true` with `ZoneAwarenessConfig: {AvailabilityZoneCount: 3}`, "
                    + "`InstanceCount` of 3 or more (a multiple of the zone count), and give indices at least one "
                    + "replica; or use `MultiAZWithStandbyEnabled: true`.")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.awsConfig("opensearch-data-node-fault-tolerance"),
                    Reference.awsConfig("elasticsearch-data-node-fault-tolerance"),
                    Reference.cdkNag("AwsSolutions-OS7"))
            .tags("availability-zone", "search")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(OPENSEARCH, ELASTICSEARCH)
            .firesOn("An `AWS::OpenSearchService::Domain` whose `ClusterConfig`, or an `AWS::Elasticsearch::Domain` "
                    + "whose `ElasticsearchClusterConfig`, has `ZoneAwarenessEnabled` absent (the default is false) "
                    + "or false, or `InstanceCount` absent (the default is 1 data node) or below 3; an absent "
                    + "cluster configuration counts as both defaults. One finding per domain, naming every cause, "
                    + "at the first deciding property.",
                    "In a live account, every domain the OpenSearch Service API lists, of either engine, is an "
                            + "`AWS::OpenSearchService::Domain` (its `EngineVersion` says `Elasticsearch_...` for the "
                            + "legacy engine), judged on its `ClusterConfig`; `AWS::Elasticsearch::Domain` is empty "
                            + "there. The API always says `ZoneAwarenessEnabled` and `InstanceCount`.")
            .quietWhen("Zone awareness is on and `InstanceCount` is 3 or more, whatever the zone count.",
                    "A deciding value cannot be known (a parameter without default, an import, a condition whose "
                            + "branches disagree); the domain is judged on the settings that are known to fall short.",
                    "The domain's `Condition` is provably false.",
                    "In a live account, a domain whose `DescribeDomains` call failed is not evaluated.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource domain, GraphView graph, RuleContext context) {
        String config = domain.type().equals(ELASTICSEARCH) ? "ElasticsearchClusterConfig" : "ClusterConfig";
        List<String> causes = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        String where = null;

        Value aware = graph.property(domain, config + "/ZoneAwarenessEnabled");
        if (aware.isFalseOrAbsent()) {
            where = config + "/ZoneAwarenessEnabled";
            causes.add(aware.isAbsent() ? "ZoneAwarenessEnabled is not set (default false)"
                    : "ZoneAwarenessEnabled is false");
            fixes.add("set ZoneAwarenessEnabled: true with ZoneAwarenessConfig AvailabilityZoneCount 3");
        }
        Value count = graph.property(domain, config + "/InstanceCount");
        Optional<Long> nodes = count.isAbsent() ? Optional.of(1L) : count.asLong();
        if (nodes.isPresent() && nodes.get() < MIN_DATA_NODES) {
            where = where != null ? where : config + "/InstanceCount";
            causes.add(count.isAbsent() ? "InstanceCount is not set (default 1 data node)"
                    : "it has " + nodes.get() + " data node" + (nodes.get() == 1 ? "" : "s") + " (InstanceCount: "
                            + nodes.get() + ")");
            fixes.add("run at least 3 data nodes");
        }
        if (causes.isEmpty()) {
            return;
        }
        String kind = domain.type().equals(ELASTICSEARCH) ? "Elasticsearch domain " : "OpenSearch domain ";
        context.report(domain.locateProperty(where), kind + domain.displayName() + " does not survive the loss of "
                + "an Availability Zone: " + join(causes) + "; " + join(fixes));
    }

    private static String join(List<String> parts) {
        return parts.size() == 1 ? parts.get(0) : parts.get(0) + " and " + parts.get(1);
    }
}
