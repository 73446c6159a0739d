package dev.resilint.live.map.ec2;

import dev.resilint.core.tree.Node;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Ids;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/**
 * The default version of each launch template ({@code DescribeLaunchTemplateVersions} with
 * {@code $Default}) as {@code AWS::EC2::LaunchTemplate}: a template's {@code LaunchTemplateData} is
 * the version that is used unless a group names another.
 */
public final class LaunchTemplateMapper {

    public static final String TYPE = "AWS::EC2::LaunchTemplate";

    private LaunchTemplateMapper() {
    }

    public static LiveResource map(Scope scope, LaunchTemplateVersion v) {
        ResponseLaunchTemplateData d = v.launchTemplateData();
        Props data = Props.map();
        if (d != null) {
            List<Node> interfaces = d.networkInterfaces().stream().map(LaunchTemplateMapper::networkInterface).toList();
            data.refs("SecurityGroupIds", d.securityGroupIds(), SecurityGroupMapper.TYPE)
                    .refs("SecurityGroups", d.securityGroups(), SecurityGroupMapper.TYPE)
                    .list("NetworkInterfaces", interfaces)
                    .put("InstanceType", d.instanceTypeAsString())
                    .put("ImageId", d.imageId())
                    .put("UserData", d.userData());
            data.put("InstanceRequirements", FleetMapper.requirements(d.instanceRequirements()));
            if (d.instanceMarketOptions() != null) {
                data.put("InstanceMarketOptions", Props.map().put("MarketType",
                        d.instanceMarketOptions().marketTypeAsString()));
            }
        }
        Props p = Props.map().put("LaunchTemplateName", v.launchTemplateName()).put("LaunchTemplateData", data)
                .put("VersionNumber", v.versionNumber());
        return LiveResource.of(TYPE, Arns.of(scope, "ec2", "launch-template/" + v.launchTemplateId()),
                v.launchTemplateName() + " (" + v.launchTemplateId() + ")", scope, p.build(),
                Ids.of(v.launchTemplateId(), "", v.launchTemplateName(), "LaunchTemplateName"));
    }

    private static Node networkInterface(LaunchTemplateInstanceNetworkInterfaceSpecification n) {
        return Props.map().put("DeviceIndex", n.deviceIndex())
                .refs("Groups", n.groups(), SecurityGroupMapper.TYPE)
                .ref("SubnetId", n.subnetId(), SubnetMapper.TYPE)
                .put("AssociatePublicIpAddress", n.associatePublicIpAddress())
                .build();
    }
}
