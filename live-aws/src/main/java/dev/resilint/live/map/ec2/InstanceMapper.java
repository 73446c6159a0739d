package dev.resilint.live.map.ec2;

import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Tags;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * {@code DescribeInstances} items as {@code AWS::EC2::Instance}: the instances a template would
 * declare as such. Instances an Auto Scaling group launched (tag {@code aws:autoscaling:groupName})
 * belong to their group, which is judged instead; terminated and terminating instances are gone.
 */
public final class InstanceMapper {

    public static final String TYPE = "AWS::EC2::Instance";

    /** The tag EC2 Auto Scaling puts on the instances it launches. */
    static final String GROUP_TAG = "aws:autoscaling:groupName";

    private InstanceMapper() {
    }

    /** The instance, or empty when it is not a standalone, existing instance. */
    public static Optional<LiveResource> map(Scope scope, Instance i) {
        InstanceStateName state = i.state() == null ? null : i.state().name();
        if (state == InstanceStateName.TERMINATED || state == InstanceStateName.SHUTTING_DOWN
                || Tags.ec2(i.tags()).containsKey(GROUP_TAG)) {
            return Optional.empty();
        }
        Map<String, String> tags = Tags.ec2(i.tags());
        Props p = Props.map()
                .put("AvailabilityZone", i.placement() == null ? null : i.placement().availabilityZone())
                .ref("SubnetId", i.subnetId(), SubnetMapper.TYPE)
                .refs("SecurityGroupIds", i.securityGroups().stream().map(GroupIdentifier::groupId).toList(),
                        SecurityGroupMapper.TYPE)
                .put("InstanceType", i.instanceTypeAsString())
                .put("ImageId", i.imageId())
                .put("SourceDestCheck", i.sourceDestCheck())
                .put("LaunchTime", i.launchTime() == null ? null : i.launchTime().toString())
                .tags("Tags", tags);
        String lt = tags.get("aws:ec2launchtemplate:id");
        if (lt != null) {
            p.put("LaunchTemplate", Props.map().ref("LaunchTemplateId", lt, LaunchTemplateMapper.TYPE)
                    .put("Version", tags.get("aws:ec2launchtemplate:version")));
        }
        return Optional.of(LiveResource.of(TYPE, Arns.of(scope, "ec2", "instance/" + i.instanceId()),
                Tags.nameOr(i.tags(), i.instanceId()), scope, p.build(), Ids.of(i.instanceId(), "")));
    }
}
