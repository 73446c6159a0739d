package dev.resilint.live.map.efs;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.ec2.SubnetMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Optional;
import software.amazon.awssdk.services.efs.model.LifeCycleState;
import software.amazon.awssdk.services.efs.model.MountTargetDescription;

/**
 * {@code DescribeMountTargets} items as {@code AWS::EFS::MountTarget}: {@code FileSystemId} and
 * {@code SubnetId} as references to the file system and the subnet (AZ11 finds a file system's zones
 * through its mount targets' subnets, as in a template), and {@code IpAddress}. The API gives a mount
 * target no ARN; resilint names it {@code arn:...:elasticfilesystem:<region>:<account>:mount-target/<id>}.
 * A mount target being deleted is gone. Its security groups need a call per target
 * ({@code DescribeMountTargetSecurityGroups}) that no rule needs: they are not read.
 */
public final class MountTargetMapper {

    public static final String TYPE = "AWS::EFS::MountTarget";

    private MountTargetMapper() {
    }

    /** The mount target, or empty when it is being deleted or is deleted. */
    public static Optional<LiveResource> map(Scope scope, MountTargetDescription t) {
        if (t.lifeCycleState() == LifeCycleState.DELETING || t.lifeCycleState() == LifeCycleState.DELETED) {
            return Optional.empty();
        }
        Props p = Props.map()
                .ref("FileSystemId", t.fileSystemId(), FileSystemMapper.TYPE)
                .ref("SubnetId", t.subnetId(), SubnetMapper.TYPE)
                .put("IpAddress", t.ipAddress());
        return Optional.of(LiveResource.of(TYPE, Arns.of(scope, "elasticfilesystem", "mount-target/" + t.mountTargetId()),
                t.mountTargetId(), scope, p.build(), Ids.of(t.mountTargetId(), "")));
    }
}
