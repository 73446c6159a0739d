package dev.resilint.live.map.autoscaling;

import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import software.amazon.awssdk.services.autoscaling.model.LaunchConfiguration;

/** {@code DescribeLaunchConfigurations} items as {@code AWS::AutoScaling::LaunchConfiguration}. */
public final class LaunchConfigurationMapper {

    public static final String TYPE = "AWS::AutoScaling::LaunchConfiguration";

    private LaunchConfigurationMapper() {
    }

    public static LiveResource map(Scope scope, LaunchConfiguration c) {
        Props p = Props.map()
                .put("LaunchConfigurationName", c.launchConfigurationName())
                .refs("SecurityGroups", c.securityGroups(), SecurityGroupMapper.TYPE)
                .put("ImageId", c.imageId())
                .put("InstanceType", c.instanceType())
                .put("AssociatePublicIpAddress", c.associatePublicIpAddress())
                .put("SpotPrice", c.spotPrice())
                .put("UserData", c.userData());
        return LiveResource.of(TYPE, c.launchConfigurationARN(), c.launchConfigurationName(), scope, p.build(),
                Ids.of(c.launchConfigurationName(), ""));
    }
}
