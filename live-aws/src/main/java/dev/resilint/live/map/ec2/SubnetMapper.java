package dev.resilint.live.map.ec2;

import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Tags;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** {@code DescribeSubnets} items as {@code AWS::EC2::Subnet}. */
public final class SubnetMapper {

    public static final String TYPE = "AWS::EC2::Subnet";

    private SubnetMapper() {
    }

    public static LiveResource map(Scope scope, Subnet s) {
        String arn = s.subnetArn() != null ? s.subnetArn() : Arns.of(scope, "ec2", "subnet/" + s.subnetId());
        Props p = Props.map()
                .put("AvailabilityZone", s.availabilityZone())
                .put("AvailabilityZoneId", s.availabilityZoneId())
                .put("VpcId", s.vpcId())
                .put("CidrBlock", s.cidrBlock())
                .put("MapPublicIpOnLaunch", s.mapPublicIpOnLaunch())
                .tags("Tags", Tags.ec2(s.tags()));
        return LiveResource.of(TYPE, arn, Tags.nameOr(s.tags(), s.subnetId()), scope, p.build(),
                Ids.of(s.subnetId(), ""));
    }
}
