package dev.resilint.live.map.ec2;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Tags;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.NatGateway;

/**
 * {@code DescribeNatGateways} items as {@code AWS::EC2::NatGateway}: the subnet it runs in (which
 * gives its zone), its VPC and connectivity type. A gateway that is being deleted, deleted or
 * failed carries no traffic and is left out.
 */
public final class NatGatewayMapper {

    public static final String TYPE = "AWS::EC2::NatGateway";

    private static final Set<String> GONE = Set.of("deleting", "deleted", "failed");

    private NatGatewayMapper() {
    }

    /** The gateway, or empty when it carries no traffic any more. */
    public static Optional<LiveResource> map(Scope scope, NatGateway n) {
        if (GONE.contains(n.stateAsString())) {
            return Optional.empty();
        }
        Props p = Props.map()
                .ref("SubnetId", n.subnetId(), SubnetMapper.TYPE)
                .put("VpcId", n.vpcId())
                .put("ConnectivityType", n.connectivityTypeAsString())
                .tags("Tags", Tags.ec2(n.tags()));
        return Optional.of(LiveResource.of(TYPE, Arns.of(scope, "ec2", "natgateway/" + n.natGatewayId()),
                Tags.nameOr(n.tags(), n.natGatewayId()), scope, p.build(), Ids.of(n.natGatewayId(), "")));
    }
}
