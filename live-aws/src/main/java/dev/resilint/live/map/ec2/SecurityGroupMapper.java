package dev.resilint.live.map.ec2;

import dev.resilint.core.tree.Node;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Tags;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * {@code DescribeSecurityGroups} items as {@code AWS::EC2::SecurityGroup}. The API groups sources
 * per permission; CloudFormation's {@code SecurityGroupIngress} has one source per rule, so each
 * range, group and prefix list becomes its own rule. Every ingress rule of a live group is inline:
 * a live account has no separate {@code AWS::EC2::SecurityGroupIngress} resources.
 */
public final class SecurityGroupMapper {

    public static final String TYPE = "AWS::EC2::SecurityGroup";

    private SecurityGroupMapper() {
    }

    public static LiveResource map(Scope scope, SecurityGroup g) {
        String arn = g.securityGroupArn() != null ? g.securityGroupArn()
                : Arns.of(scope, "ec2", "security-group/" + g.groupId());
        List<Node> ingress = new ArrayList<>();
        for (IpPermission perm : g.ipPermissions()) {
            for (IpRange r : perm.ipRanges()) {
                ingress.add(rule(perm).put("CidrIp", r.cidrIp()).put("Description", r.description()).build());
            }
            for (Ipv6Range r : perm.ipv6Ranges()) {
                ingress.add(rule(perm).put("CidrIpv6", r.cidrIpv6()).put("Description", r.description()).build());
            }
            for (UserIdGroupPair pair : perm.userIdGroupPairs()) {
                ingress.add(rule(perm).ref("SourceSecurityGroupId", pair.groupId(), TYPE)
                        .put("SourceSecurityGroupOwnerId", pair.userId()).put("Description", pair.description())
                        .build());
            }
            for (PrefixListId list : perm.prefixListIds()) {
                ingress.add(rule(perm).put("SourcePrefixListId", list.prefixListId())
                        .put("Description", list.description()).build());
            }
        }
        Props p = Props.map()
                .put("GroupName", g.groupName())
                .put("GroupDescription", g.description())
                .put("VpcId", g.vpcId())
                .list("SecurityGroupIngress", ingress)
                .tags("Tags", Tags.ec2(g.tags()));
        return LiveResource.of(TYPE, arn, g.groupName() + " (" + g.groupId() + ")", scope, p.build(),
                Ids.of(g.groupId(), "", g.groupName(), ""));
    }

    private static Props rule(IpPermission perm) {
        return Props.map().put("IpProtocol", perm.ipProtocol()).put("FromPort", perm.fromPort())
                .put("ToPort", perm.toPort());
    }
}
