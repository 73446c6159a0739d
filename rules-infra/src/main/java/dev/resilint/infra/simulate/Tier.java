package dev.resilint.infra.simulate;

import java.util.Objects;

/**
 * One tier of a stack: a resource whose capacity lives in Availability Zones (or, for NAT egress,
 * the subnets that route through a stack's NAT gateways).
 *
 * @param name how reports name it: the resource's name, prefixed with the nested stacks that hold
 *     it ({@code Network/NatGatewayA})
 * @param type its CloudFormation type ({@code AWS::AutoScaling::AutoScalingGroup}), or
 *     {@code NAT egress}
 * @param file the template file or account region it comes from
 * @param placement where it runs
 * @param loss what is lost with its zone, for the verdict: {@code all instances}, {@code single-AZ primary}
 */
public record Tier(String name, String type, String file, Placement placement, String loss) {
    public Tier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(loss, "loss");
    }

    /** {@code WebAutoScalingGroup (all instances)}. */
    public String describeLoss() {
        return name + " (" + loss + ")";
    }
}
