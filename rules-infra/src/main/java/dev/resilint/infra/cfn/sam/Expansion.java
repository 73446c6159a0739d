package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.Generated.attributes;
import static dev.resilint.infra.cfn.sam.Generated.passThrough;
import static dev.resilint.infra.cfn.sam.Generated.resource;
import static dev.resilint.infra.cfn.sam.SamNodes.single;
import static dev.resilint.infra.cfn.sam.SamNodes.str;
import static dev.resilint.infra.cfn.sam.SamNodes.text;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * One run of the transform over one template: expands each resource in order with the class for
 * its SAM type, collects the generated resources (a generated id that the template already uses,
 * or that an earlier resource generated, is left to that one), and adds the implicit resources
 * that events asked for ({@code ServerlessRestApi}, {@code ServerlessHttpApi},
 * {@code ServerlessDeploymentApplication}) at the end.
 */
final class Expansion {

    private static final String PREFIX = "AWS::Serverless::";

    private final MapNode root;
    private final Globals globals;
    private final Set<String> userIds = new HashSet<>();
    private final LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>();
    private Mark implicitRestApi;
    private Mark implicitHttpApi;
    private Mark deploymentApplication;

    Expansion(MapNode root) {
        this.root = root;
        this.globals = Globals.of(root);
    }

    Globals globals() {
        return globals;
    }

    /** The template with its resources expanded and {@code Globals} removed. */
    MapNode run(String file) throws TreeReadException {
        MapNode resources = root.get("Resources").orElse(null) instanceof MapNode m ? m : null;
        if (resources != null) {
            userIds.addAll(resources.keys());
            for (MapNode.Entry e : resources.entries()) {
                try {
                    expandResource(e);
                } catch (RuntimeException ex) {
                    throw new TreeReadException(file, e.value().mark(), "cannot expand SAM resource '" + e.key()
                            + "': " + ex.getMessage());
                }
            }
            try {
                implicitResources();
            } catch (RuntimeException ex) {
                throw new TreeReadException(file, resources.mark(), "cannot expand SAM implicit resources: "
                        + ex.getMessage());
            }
        }
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry e : root.entries()) {
            if (e.key().equals("Globals")) {
                continue;
            }
            if (e.key().equals("Resources") && resources != null) {
                entries.add(new MapNode.Entry("Resources", e.keyMark(),
                        new MapNode(new ArrayList<>(out.values()), resources.mark(), resources.tag())));
            } else {
                entries.add(e);
            }
        }
        return new MapNode(entries, root.mark(), root.tag());
    }

    private void expandResource(MapNode.Entry entry) {
        MapNode def = entry.value() instanceof MapNode m ? m : null;
        String type = text(def, "Type");
        if (def == null || type == null || !type.startsWith(PREFIX)) {
            emitMain(entry);
            return;
        }
        switch (type) {
            case "AWS::Serverless::Function" -> ServerlessFunction.expand(this, entry, def,
                    globals.properties(def, "Function"));
            case "AWS::Serverless::Api" -> emitAll(ServerlessApi.resources(entry.key(), Origin.of(entry),
                    globals.properties(def, "Api"), attributes(def), passThrough(def)));
            case "AWS::Serverless::HttpApi" -> emitAll(ServerlessHttpApi.resources(entry.key(), Origin.of(entry),
                    globals.properties(def, "HttpApi"), attributes(def), passThrough(def)));
            case "AWS::Serverless::StateMachine" -> ServerlessStateMachine.expand(this, entry, def,
                    globals.properties(def, "StateMachine"));
            case "AWS::Serverless::SimpleTable" -> emitMain(ServerlessSimpleTable.table(entry, def,
                    globals.properties(def, "SimpleTable")));
            default -> emitMain(entry);
        }
    }

    /** The first generated resource is the main one, the others its children. */
    private void emitAll(List<MapNode.Entry> generated) {
        emitMain(generated.get(0));
        emitChildren(generated.subList(1, generated.size()));
    }

    private void implicitResources() {
        if (implicitRestApi != null && !userIds.contains(SamTransform.IMPLICIT_REST_API)) {
            Mark m = implicitRestApi;
            MapNode props = globals.merged("Api", single("StageName", m, str("Prod", m)), m);
            emitChildren(ServerlessApi.resources(SamTransform.IMPLICIT_REST_API, Origin.at(m), props, List.of(),
                    List.of()));
        }
        if (implicitHttpApi != null && !userIds.contains(SamTransform.IMPLICIT_HTTP_API)) {
            Mark m = implicitHttpApi;
            MapNode global = globals.section("HttpApi");
            MapNode props = global == null ? new MapNode(List.of(), m, "") : global;
            emitChildren(ServerlessHttpApi.resources(SamTransform.IMPLICIT_HTTP_API, Origin.at(m), props, List.of(),
                    List.of()));
        }
        if (deploymentApplication != null) {
            Mark m = deploymentApplication;
            emitChild(resource(SamTransform.DEPLOYMENT_APPLICATION, Origin.at(m), "AWS::CodeDeploy::Application",
                    new Props().put("ComputePlatform", m, str("Lambda", m)), List.of()));
        }
    }

    // ---------------------------------------------------------------- output

    /** Adds the main resource of a SAM resource (its own id). */
    void emitMain(MapNode.Entry entry) {
        out.put(entry.key(), entry);
    }

    /** Adds a generated resource unless its id is taken (the APIs sharing a usage plan add their stages to it). */
    void emitChild(MapNode.Entry entry) {
        if (!userIds.contains(entry.key()) && !out.containsKey(entry.key())) {
            out.put(entry.key(), entry);
        } else if (!userIds.contains(entry.key()) && entry.key().equals(ServerlessApi.SHARED_USAGE_PLAN)) {
            out.put(entry.key(), ServerlessApi.mergeSharedUsagePlan(out.get(entry.key()), entry));
        }
    }

    void emitChildren(List<MapNode.Entry> entries) {
        entries.forEach(this::emitChild);
    }

    // ---------------------------------------------------------------- implicit resources

    /** An {@code Api} event without {@code RestApiId} at {@code mark} needs SAM's {@code ServerlessRestApi}. */
    void useImplicitRestApi(Mark mark) {
        if (implicitRestApi == null) {
            implicitRestApi = mark;
        }
    }

    /** An {@code HttpApi} event without {@code ApiId} at {@code mark} needs SAM's {@code ServerlessHttpApi}. */
    void useImplicitHttpApi(Mark mark) {
        if (implicitHttpApi == null) {
            implicitHttpApi = mark;
        }
    }

    /** A {@code DeploymentPreference} at {@code mark} needs SAM's {@code ServerlessDeploymentApplication}. */
    void useDeploymentApplication(Mark mark) {
        if (deploymentApplication == null) {
            deploymentApplication = mark;
        }
    }
}
