package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zonal resources the simulation does not place (yet): each is a tier of unknown placement, so
 * that a stack holding one is never said to survive only because resilint did not look.
 */
final class UnsimulatedTiers implements TierReader {

    /** The types, with what is lost with a zone. */
    static final Map<String, String> TYPES;

    static {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("AWS::ElastiCache::CacheCluster", "cache nodes");
        types.put("AWS::MemoryDB::Cluster", "cluster nodes");
        types.put("AWS::DAX::Cluster", "cluster nodes");
        types.put("AWS::DocDB::DBCluster", "cluster instances");
        types.put("AWS::Neptune::DBCluster", "cluster instances");
        types.put("AWS::Redshift::Cluster", "cluster nodes");
        types.put("AWS::OpenSearchService::Domain", "domain nodes");
        types.put("AWS::Elasticsearch::Domain", "domain nodes");
        types.put("AWS::MSK::Cluster", "brokers");
        types.put("AWS::AmazonMQ::Broker", "brokers");
        types.put("AWS::EKS::Nodegroup", "nodes");
        types.put("AWS::EMR::Cluster", "cluster nodes");
        types.put("AWS::Batch::ComputeEnvironment", "compute");
        types.put("AWS::FSx::FileSystem", "file servers");
        TYPES = Collections.unmodifiableMap(types);
    }

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (String type : TYPES.keySet()) {
            for (Resource r : graph.existing(type)) {
                tiers.add(new Tier(graph.name(r), type, graph.file(),
                        Placement.unknown(type + " is not simulated by resilint"), TYPES.get(type)));
            }
        }
        return tiers;
    }
}
