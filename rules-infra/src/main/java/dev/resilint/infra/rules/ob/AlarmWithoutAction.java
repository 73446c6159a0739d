package dev.resilint.infra.rules.ob;

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
import dev.resilint.infra.rules.support.Arn;
import dev.resilint.infra.rules.support.ComputeTraffic;
import dev.resilint.infra.rules.support.ComputeTraffic.Answer;
import dev.resilint.infra.rules.support.ListItems;
import java.util.List;
import java.util.Optional;

/**
 * OB02: a CloudWatch alarm that does nothing when it goes into ALARM: it has no
 * {@code AlarmActions}, or its actions are disabled, and nothing else acts on its state. Such an
 * alarm detects the failure and tells no one. What it fires on and when it stays quiet, case by
 * case, is in its {@link #METADATA}.
 */
public final class AlarmWithoutAction extends ResourceRule {

    static final String ALARM = "AWS::CloudWatch::Alarm";
    static final String COMPOSITE = "AWS::CloudWatch::CompositeAlarm";
    static final String HEALTH_CHECK = "AWS::Route53::HealthCheck";

    /** The resources that act on an alarm's state themselves, so the alarm needs no action of its own. */
    static final String[] CONSUMERS = {COMPOSITE, "AWS::CodeDeploy::DeploymentGroup", "AWS::ECS::Service",
        "AWS::Route53::HealthCheck", "AWS::AppConfig::Environment"};

    /** The consumers that are only read, never judged: they can silence a finding, never cause one. */
    private static final String[] QUIETING = {"AWS::CodeDeploy::DeploymentGroup", "AWS::ECS::Service",
        "AWS::Route53::HealthCheck", "AWS::AppConfig::Environment"};

    public static final RuleMetadata METADATA = RuleMetadata.builder("OB02", AlarmWithoutAction.class)
            .severity(Severity.WARNING)
            .summary("A CloudWatch alarm has no action for its ALARM state, or its actions are disabled.")
            .rationale("An alarm is only as useful as what happens when it fires. Without `AlarmActions` (or with "
                    + "`ActionsEnabled: false`) the alarm changes state in the console and nobody is paged, no "
                    + "scaling policy runs and no automation starts: the failure it was built to detect goes "
                    + "unnoticed. `OKActions` and `InsufficientDataActions` alone do not help, since they do not "
                    + "run when the alarm goes into ALARM. An alarm that only feeds something that acts on its "
                    + "state (a composite alarm's rule, a CodeDeploy deployment group or ECS service that rolls "
                    + "back on it, a Route 53 health check, an AppConfig monitor) is doing its job and is not "
                    + "flagged; a dashboard is not such a consumer.")
            .remediation("Add `AlarmActions` naming an SNS topic that pages the owners (or a scaling policy, an "
                    + "EC2 action, a Systems Manager OpsItem or incident), and leave `ActionsEnabled` at its "
                    + "default `true`. If the alarm exists only for a dashboard, consider a composite alarm that "
                    + "notifies for it, or delete it.")
            .wellArchitected("REL11-BP01")
            .anchors(Reference.awsConfig("cloudwatch-alarm-action-check"),
                    Reference.cdkNag("NIST.800.53.R5-CloudWatchAlarmAction"))
            .tags("alarm", "observability")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(ALARM, COMPOSITE)
            .readsToStayQuiet(QUIETING)
            .firesOn("An `AWS::CloudWatch::Alarm` or `AWS::CloudWatch::CompositeAlarm` with `ActionsEnabled: false` "
                            + "(the default is true), whether or not it has `AlarmActions`; located at `ActionsEnabled`.",
                    "An alarm or composite alarm whose `AlarmActions` is not set or is an empty list in every "
                            + "branch of its conditions (whether or not it has `OKActions` or "
                            + "`InsufficientDataActions`); located at `AlarmActions`, or at the resource's "
                            + "properties when the property is not set.")
            .quietWhen("`AlarmActions` or `ActionsEnabled` cannot be known, or `AlarmActions` may have an item "
                            + "depending on a condition.",
                    "Another resource that may exist refers to the alarm (`Ref`, `Fn::GetAtt` or `Fn::Sub`) and acts "
                            + "on its state: an `AWS::CloudWatch::CompositeAlarm` (its `AlarmRule`), an "
                            + "`AWS::CodeDeploy::DeploymentGroup` (`AlarmConfiguration`), an `AWS::ECS::Service` "
                            + "(deployment alarms), an `AWS::Route53::HealthCheck` (`AlarmIdentifier`) or an "
                            + "`AWS::AppConfig::Environment` (`Monitors`); or one of them names the alarm's literal "
                            + "`AlarmName` in its properties.",
                    "The alarm's `Condition` is provably false.",
                    "In a live scan, the consumers are read from the account: composite alarms, CodeDeploy "
                            + "deployment groups, ECS services and AppConfig environments of the alarm's region, and "
                            + "the account's Route 53 health checks (a global service, read once per account and "
                            + "handed to each region), which name an alarm by its name and region "
                            + "(`AlarmIdentifier`): a health check of an alarm of the same name in another region "
                            + "does not silence it.",
                    "In a live scan, a consumer type that could not be read (a denied `ListHealthChecks`, "
                            + "`ListEnvironments`, ...): one of its resources may act on the alarm, so an alarm "
                            + "that would be reported is not evaluated instead, naming that type and the failed "
                            + "call; a denied `ListHealthChecks` does so in every region of the account. Alarms "
                            + "with actions are still judged.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource alarm, GraphView graph, RuleContext context) {
        String kind = alarm.type().equals(COMPOSITE) ? "CloudWatch composite alarm " : "CloudWatch alarm ";
        Value enabled = graph.property(alarm, "ActionsEnabled");
        Answer actions = ComputeTraffic.nonEmptyList(graph.property(alarm, "AlarmActions"));
        if (actions == Answer.UNKNOWN || isConsumed(graph, alarm)) {
            return;
        }
        if (enabled.asBoolean().equals(Optional.of(Boolean.FALSE)) && enabled.possibilities().size() == 1) {
            context.report(alarm.locateProperty("ActionsEnabled"), kind + alarm.displayName()
                    + " has ActionsEnabled: false: when it goes into ALARM it notifies no one and triggers nothing; "
                    + "remove ActionsEnabled (the default is true)" + (actions == Answer.NO
                            ? " and add AlarmActions naming an SNS topic that pages the owners" : ""));
            return;
        }
        if (actions != Answer.NO) {
            return;
        }
        String others = otherActions(graph, alarm);
        String state = graph.written(alarm, "AlarmActions")
                ? (graph.property(alarm, "AlarmActions").isAbsent() ? " has no AlarmActions (its condition leaves "
                        + "them unset)" : " has an empty AlarmActions list")
                : " has no AlarmActions";
        context.report(alarm.locateProperty("AlarmActions"), kind + alarm.displayName() + state + others
                + ": when it goes into ALARM it notifies no one and triggers nothing, and nothing else in the template "
                + "acts on it; add AlarmActions naming an SNS topic that pages the owners (or a scaling policy or "
                + "other automation)");
    }

    /** {@code " (only OKActions)"} when the alarm has actions for other states, else {@code ""}. */
    private static String otherActions(GraphView graph, Resource alarm) {
        List<String> present = List.of("OKActions", "InsufficientDataActions").stream()
                .filter(p -> ComputeTraffic.nonEmptyList(graph.property(alarm, p)) == Answer.YES).toList();
        return present.isEmpty() ? "" : " (only " + String.join(" and ", present) + ", which do not run on ALARM)";
    }

    /** Whether a consumer that may exist refers to the alarm, or names its literal {@code AlarmName}. */
    private static boolean isConsumed(GraphView graph, Resource alarm) {
        for (References.Edge e : graph.edgesTo(alarm)) {
            if (e.kind() == References.Kind.DEPENDS_ON || e.from().equals(alarm.id())) {
                continue;
            }
            Optional<Resource> from = graph.resource(e.from());
            if (from.isPresent() && List.of(CONSUMERS).contains(from.get().type()) && graph.mayExist(from.get())) {
                return true;
            }
        }
        Optional<String> name = graph.property(alarm, "AlarmName").asString();
        if (name.isEmpty() || name.get().isBlank()) {
            return false;
        }
        for (String type : CONSUMERS) {
            for (Resource consumer : graph.ofType(type)) {
                if (!consumer.id().equals(alarm.id()) && graph.mayExist(consumer) && names(graph, consumer, name.get())
                        && mayWatchRegionOf(graph, consumer, alarm)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code consumer} may watch an alarm in {@code alarm}'s region. Only a live health check can
     * tell otherwise: Route 53 is global, so the account's health checks are in every region's graph, and
     * one names its alarm by name and {@code AlarmIdentifier.Region}; a live alarm's id is its ARN, which
     * names its region. In a template neither is known, and any health check naming the alarm counts.
     */
    private static boolean mayWatchRegionOf(GraphView graph, Resource consumer, Resource alarm) {
        Optional<Arn> arn = Arn.parse(alarm.id());
        if (graph.kind() != SourceKind.LIVE || !consumer.type().equals(HEALTH_CHECK) || arn.isEmpty()) {
            return true;
        }
        Optional<String> region = graph.property(consumer, "HealthCheckConfig/AlarmIdentifier/Region").asString();
        return region.isEmpty() || region.get().equals(arn.get().region());
    }

    /** Whether the consumer's alarm-naming property mentions {@code name} as a literal. */
    private static boolean names(GraphView graph, Resource consumer, String name) {
        String path = switch (consumer.type()) {
            case COMPOSITE -> "AlarmRule";
            case "AWS::CodeDeploy::DeploymentGroup" -> "AlarmConfiguration";
            case "AWS::ECS::Service" -> "DeploymentConfiguration";
            case HEALTH_CHECK -> "HealthCheckConfig";
            default -> "Monitors";
        };
        return mentions(graph.property(consumer, path), name, 0);
    }

    private static boolean mentions(Value value, String name, int depth) {
        if (depth > 6) {
            return false;
        }
        for (Value option : value.possibilities()) {
            Optional<String> text = option.asString();
            if (text.isPresent() && (text.get().equals(name) || text.get().contains("\"" + name + "\"")
                    || text.get().contains("(" + name + ")") || text.get().endsWith(":alarm:" + name)
                    || text.get().contains(":alarm:" + name + ")") || text.get().contains(":alarm:" + name + "\""))) {
                return true;
            }
            if (option.asMap().isPresent()) {
                for (var entry : option.asMap().get().entries()) {
                    if (mentions(option.field(entry.key()), name, depth + 1)) {
                        return true;
                    }
                }
            }
            Optional<List<Value>> items = ListItems.of(option).filter(l -> option.isKnown());
            if (items.isPresent()) {
                for (Value item : items.get()) {
                    if (mentions(item, name, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
