package dev.resilint.live.graph;

import dev.resilint.core.Location;
import dev.resilint.core.tree.MapNode;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Props;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the resource graph of one live scope from what its collectors read: resources ordered by
 * type and ARN (so reports do not depend on the order the APIs answered in), references resolved,
 * each resource located by its ARN.
 */
public final class LiveGraphs {

    private LiveGraphs() {
    }

    /**
     * @param scope the account and region
     * @param collected the resources read there (a resource listed twice counts once)
     * @param completeness which types were read in full
     */
    public static ResourceGraph build(Scope scope, List<LiveResource> collected, Completeness completeness) {
        Map<String, LiveResource> byArn = new HashMap<>();
        for (LiveResource r : collected) {
            byArn.putIfAbsent(r.arn(), r);
        }
        List<LiveResource> sorted = new ArrayList<>(byArn.values());
        sorted.sort(Comparator.comparing(LiveResource::type).thenComparing(LiveResource::arn));
        Linker linker = new Linker(sorted);
        List<Resource> resources = new ArrayList<>();
        Map<String, Value.Unknown> unread = new HashMap<>();
        for (LiveResource r : sorted) {
            MapNode properties = (MapNode) linker.link(r.properties(), r.arn());
            MapNode definition = Props.map().put("Type", r.type()).put("Properties", properties).build();
            Location.Live location = new Location.Live(r.arn(), scope.account(), scope.region(), r.type());
            resources.add(new Resource(r.arn(), r.type(), r.name(), definition, properties, path -> location));
            r.unread().ifPresent(u -> unread.put(r.arn(), u));
        }
        return new ResourceGraph(scope.display(), resources, graph -> new LiveSource(linker, unread),
                graph -> LiveReferences.of(graph, linker), completeness);
    }

}
