package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.Generated.resource;
import static dev.resilint.infra.cfn.sam.SamNodes.getAtt;
import static dev.resilint.infra.cfn.sam.SamNodes.isFalse;
import static dev.resilint.infra.cfn.sam.SamNodes.isTrue;
import static dev.resilint.infra.cfn.sam.SamNodes.keyMark;
import static dev.resilint.infra.cfn.sam.SamNodes.list;
import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.single;
import static dev.resilint.infra.cfn.sam.SamNodes.str;
import static dev.resilint.infra.cfn.sam.SamNodes.text;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.List;

/**
 * The events that functions and state machines share: {@code Schedule}, {@code EventBridgeRule}
 * and {@code CloudWatchEvent} give an {@code AWS::Events::Rule}, {@code ScheduleV2} an
 * {@code AWS::Scheduler::Schedule}, targeting the function or state machine, with the
 * dead-letter queue SAM creates for {@code DeadLetterConfig: {Type: SQS}}.
 */
final class EventRules {

    private EventRules() {
    }

    /** An EventBridge rule for a {@code Schedule}, {@code EventBridgeRule} or {@code CloudWatchEvent} event. */
    static void eventsRule(String id, Origin o, String type, MapNode ep, Node targetArn, String targetSuffix,
            List<MapNode.Entry> attrs, List<MapNode.Entry> children) {
        Mark k = o.key();
        Props props = new Props();
        if (type.equals("Schedule")) {
            props.rename(ep, "Schedule", "ScheduleExpression").copy(ep, "Name", "Description");
        } else {
            props.copy(ep, "EventBusName").rename(ep, "Pattern", "EventPattern").rename(ep, "RuleName", "Name");
        }
        state(ep, props, "ENABLED", "DISABLED");
        Props target = new Props().put("Arn", k, targetArn);
        MapNode t = plainMap(ep, "Target");
        if (t != null && t.has("Id")) {
            target.copy(t, "Id");
        } else {
            target.put("Id", k, str(id + targetSuffix, k));
        }
        target.copy(ep, "Input", "InputPath", "InputTransformer", "RetryPolicy");
        deadLetter(id, ep, target, attrs, children);
        props.put("Targets", k, list(k, target.build(k)));
        children.add(resource(id, o, "AWS::Events::Rule", props, attrs));
    }

    /** An EventBridge Scheduler schedule for a {@code ScheduleV2} event, named after its id unless {@code OmitName}. */
    static void schedule(String id, Origin o, MapNode ep, Node targetArn, String targetSuffix,
            List<MapNode.Entry> attrs, List<MapNode.Entry> children) {
        Mark k = o.key();
        Props props = new Props().copy(ep, "Name", "Description", "ScheduleExpression", "ScheduleExpressionTimezone",
                "StartDate", "EndDate", "GroupName", "KmsKeyArn", "State");
        if (!props.has("Name") && !isTrue(ep.get("OmitName").orElse(null))) {
            props.put("Name", k, str(id, k)); // SAM names the schedule after its logical id
        }
        if (ep.has("FlexibleTimeWindow")) {
            props.copy(ep, "FlexibleTimeWindow");
        } else {
            props.put("FlexibleTimeWindow", k, single("Mode", k, str("OFF", k)));
        }
        Props target = new Props().put("Arn", k, targetArn).copy(ep, "RoleArn", "Input", "RetryPolicy");
        deadLetter(id, ep, target, attrs, children);
        props.put("Target", k, target.build(k));
        children.add(resource(id, o, "AWS::Scheduler::Schedule", props, attrs));
    }

    private static void state(MapNode ep, Props props, String enabled, String disabled) {
        if (ep.has("State")) {
            props.copy(ep, "State");
            return;
        }
        ep.entry("Enabled").ifPresent(e -> {
            if (isTrue(e.value())) {
                props.put("State", e.keyMark(), str(enabled, e.value().mark()));
            } else if (isFalse(e.value())) {
                props.put("State", e.keyMark(), str(disabled, e.value().mark()));
            }
        });
    }

    /** A target's {@code DeadLetterConfig: {Arn}}, creating SAM's queue for {@code Type: SQS}. */
    private static void deadLetter(String ruleId, MapNode ep, Props target, List<MapNode.Entry> attrs,
            List<MapNode.Entry> children) {
        MapNode.Entry config = ep.entry("DeadLetterConfig").orElse(null);
        MapNode dlc = config == null ? null : plainMap(config.value());
        if (dlc == null) {
            return;
        }
        Mark c = config.keyMark();
        MapNode.Entry arn = dlc.entry("Arn").orElse(null);
        if (arn == null && "SQS".equals(text(dlc, "Type"))) {
            Mark t = keyMark(dlc, "Type", c);
            String queueId = text(dlc, "QueueLogicalId") != null ? text(dlc, "QueueLogicalId") : ruleId + "Queue";
            children.add(resource(queueId, Origin.at(t), "AWS::SQS::Queue", new Props(), attrs));
            arn = new MapNode.Entry("Arn", t, getAtt(queueId, "Arn", t));
        }
        if (arn != null) {
            target.put("DeadLetterConfig", c, single("Arn", arn.keyMark(), arn.value()));
        }
    }
}
