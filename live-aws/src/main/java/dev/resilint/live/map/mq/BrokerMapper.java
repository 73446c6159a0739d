package dev.resilint.live.map.mq;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.mq.model.BrokerSummary;
import software.amazon.awssdk.services.mq.model.DescribeBrokerResponse;

/**
 * Amazon MQ brokers as {@code AWS::AmazonMQ::Broker}. {@code ListBrokers} gives each broker's
 * {@code DeploymentMode} and {@code EngineType} (what AZ10 reads), so a broker is known from its summary
 * ({@link #listed}); {@code DescribeBroker} adds its tags, subnets and security groups ({@link #map}). A
 * broker known only by its summary has every other property unread: a rule that reads one is then not
 * evaluated for it instead of taking the property as unset.
 */
public final class BrokerMapper {

    public static final String TYPE = "AWS::AmazonMQ::Broker";

    /** What a broker known by its summary alone lacks. */
    public static final Value.Unknown NOT_DESCRIBED = Value.unknown(Value.Reason.NOT_COLLECTED,
            "mq:DescribeBroker is called only when a rule reads tags; only the broker's ListBrokers summary was read");

    private BrokerMapper() {
    }

    /** A broker from its {@code ListBrokers} summary. */
    public static LiveResource listed(Scope scope, BrokerSummary b) {
        Props p = Props.map().put("BrokerName", b.brokerName())
                .put("DeploymentMode", b.deploymentModeAsString())
                .put("EngineType", b.engineTypeAsString())
                .put("HostInstanceType", b.hostInstanceType());
        return LiveResource.of(TYPE, b.brokerArn(), name(b.brokerName(), b.brokerId()), scope, p.build(),
                Ids.of(b.brokerId(), "", b.brokerArn(), "Arn"));
    }

    /** A broker from {@code DescribeBroker}. */
    public static LiveResource map(Scope scope, DescribeBrokerResponse b) {
        Props p = Props.map().put("BrokerName", b.brokerName())
                .put("DeploymentMode", b.deploymentModeAsString())
                .put("EngineType", b.engineTypeAsString())
                .put("EngineVersion", b.engineVersion())
                .put("HostInstanceType", b.hostInstanceType())
                .put("PubliclyAccessible", b.publiclyAccessible())
                .put("StorageType", b.storageTypeAsString())
                .refs("SubnetIds", b.subnetIds(), SubnetMapper.TYPE)
                .refs("SecurityGroups", b.securityGroups(), SecurityGroupMapper.TYPE)
                .tags("Tags", b.tags());
        return LiveResource.of(TYPE, b.brokerArn(), name(b.brokerName(), b.brokerId()), scope, p.build(),
                Ids.of(b.brokerId(), "", b.brokerArn(), "Arn"));
    }

    private static String name(String name, String id) {
        return name != null && !name.isBlank() ? name : id;
    }
}
