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
import java.util.Locale;
import java.util.Optional;

/**
 * AZ10: an Amazon MQ broker deployed as a single instance, in one Availability Zone, without a
 * standby or cluster peers. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class MqBrokerSingleInstance extends ResourceRule {

    static final String BROKER = "AWS::AmazonMQ::Broker";

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ10", MqBrokerSingleInstance.class)
            .severity(Severity.ERROR)
            .summary("An Amazon MQ broker runs as a single instance in one Availability Zone.")
            .rationale("A `SINGLE_INSTANCE` broker is one broker in one zone: when that broker is rebooted for "
                    + "maintenance, fails, or its zone is impaired, producers and consumers cannot connect until it "
                    + "comes back, and messages on its local storage wait with it (RabbitMQ single instances keep "
                    + "them on one EBS volume). An ActiveMQ active/standby pair (`ACTIVE_STANDBY_MULTI_AZ`) fails over "
                    + "to a standby in another zone; a RabbitMQ cluster (`CLUSTER_MULTI_AZ`) spreads three nodes over "
                    + "three zones.")
            .remediation("Set `DeploymentMode: ACTIVE_STANDBY_MULTI_AZ` (ActiveMQ, with two subnets in different "
                    + "zones) or `DeploymentMode: CLUSTER_MULTI_AZ` (RabbitMQ, with subnets in three zones) on the "
                    + "`AWS::AmazonMQ::Broker`. For a development broker, suppress the finding with a reason.")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.awsConfig("mq-active-deployment-mode"),
                    Reference.awsConfig("mq-rabbit-deployment-mode"))
            .tags("availability-zone", "messaging")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(BROKER)
            .firesOn("An `AWS::AmazonMQ::Broker` whose `DeploymentMode` is `SINGLE_INSTANCE` in every possibility, "
                    + "whatever its engine (ActiveMQ or RabbitMQ); the finding points at `DeploymentMode`.")
            .quietWhen("`DeploymentMode` is `ACTIVE_STANDBY_MULTI_AZ` or `CLUSTER_MULTI_AZ`, or cannot be known (a "
                            + "parameter without default, an import, a condition that may choose a multi-AZ mode).",
                    "`DeploymentMode` is not set: the property is required, so the template is malformed and "
                            + "CloudFormation rejects it.",
                    "The broker's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource broker, GraphView graph, RuleContext context) {
        Value mode = graph.property(broker, "DeploymentMode");
        Optional<String> known = mode.agreed(v -> v.asString().map(s -> s.trim().toUpperCase(Locale.ROOT)));
        if (known.isEmpty() || !known.get().equals("SINGLE_INSTANCE")) {
            return;
        }
        String engine = graph.property(broker, "EngineType").asString()
                .map(e -> e.trim().toUpperCase(Locale.ROOT)).orElse("");
        String fix = engine.equals("RABBITMQ") ? "set DeploymentMode: CLUSTER_MULTI_AZ (three nodes in three zones)"
                : engine.equals("ACTIVEMQ") ? "set DeploymentMode: ACTIVE_STANDBY_MULTI_AZ (a standby in another zone)"
                : "set DeploymentMode: ACTIVE_STANDBY_MULTI_AZ (ActiveMQ) or CLUSTER_MULTI_AZ (RabbitMQ)";
        context.report(broker.locateProperty("DeploymentMode"), "Amazon MQ broker " + broker.displayName()
                + " runs as a single instance (DeploymentMode: SINGLE_INSTANCE), so clients cannot connect while "
                + "that broker or its Availability Zone is down; " + fix);
    }
}
