package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.Generated.attributes;
import static dev.resilint.infra.cfn.sam.Generated.passThrough;
import static dev.resilint.infra.cfn.sam.Generated.resource;
import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.ref;
import static dev.resilint.infra.cfn.sam.SamNodes.text;
import static dev.resilint.infra.cfn.sam.SamValues.s3Location;
import static dev.resilint.infra.cfn.sam.SamValues.tagList;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::Serverless::StateMachine} becomes {@code AWS::StepFunctions::StateMachine} with the
 * definition kept as {@code Definition} (SAM serializes it into {@code DefinitionString}; keeping
 * the tree keeps the positions); its {@code Schedule}, {@code EventBridgeRule},
 * {@code CloudWatchEvent} and {@code ScheduleV2} events become the rules and schedules of
 * {@link EventRules} targeting it. Its {@code Api} events are left out (SAM writes them into the
 * API's swagger).
 */
final class ServerlessStateMachine {

    private ServerlessStateMachine() {
    }

    /** Expands the state machine {@code entry} with definition {@code def} and properties {@code p} (Globals merged). */
    static void expand(Expansion x, MapNode.Entry entry, MapNode def, MapNode p) {
        String sm = entry.key();
        Origin o = Origin.of(entry);
        Props props = new Props();
        for (MapNode.Entry e : p.entries()) {
            Mark k = e.keyMark();
            switch (e.key()) {
                case "Definition", "DefinitionSubstitutions" -> props.put(e);
                case "DefinitionUri" -> props.put("DefinitionS3Location", k,
                        s3Location(e.value(), "Bucket", "Key", "Version"));
                case "Role" -> props.put("RoleArn", k, e.value());
                case "Name" -> props.put("StateMachineName", k, e.value());
                case "Type" -> props.put("StateMachineType", k, e.value());
                case "Logging" -> props.put("LoggingConfiguration", k, e.value());
                case "Tracing" -> props.put("TracingConfiguration", k, e.value());
                case "Tags" -> props.put("Tags", k, tagList(e.value(), k, "stateMachine:createdBy"));
                default -> {
                }
            }
        }
        if (!props.has("Tags")) {
            props.put("Tags", o.key(), tagList(null, o.key(), "stateMachine:createdBy"));
        }
        x.emitMain(resource(sm, o, "AWS::StepFunctions::StateMachine", props, attributes(def)));

        List<MapNode.Entry> attrs = passThrough(def);
        List<MapNode.Entry> children = new ArrayList<>();
        MapNode events = plainMap(p, "Events");
        if (events != null) {
            for (MapNode.Entry ev : events.entries()) {
                MapNode event = plainMap(ev.value());
                String type = text(event, "Type");
                if (type == null) {
                    continue;
                }
                MapNode ep = plainMap(event, "Properties");
                if (ep == null) {
                    ep = new MapNode(List.of(), event.mark(), "");
                }
                Mark k = ev.keyMark();
                switch (type) {
                    case "Schedule", "EventBridgeRule", "CloudWatchEvent" -> EventRules.eventsRule(sm + ev.key(),
                            Origin.of(ev), type, ep, ref(sm, k), "StepFunctionsTarget", attrs, children);
                    case "ScheduleV2" -> EventRules.schedule(sm + ev.key(), Origin.of(ev), ep, ref(sm, k),
                            "StepFunctionsTarget", attrs, children);
                    default -> {
                        // Api events: SAM writes them into the API's swagger
                    }
                }
            }
        }
        x.emitChildren(children);
    }
}
