package dev.resilint.live.map.dax;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dax.model.SecurityGroupMembership;

/**
 * {@code DescribeClusters} items as {@code AWS::DAX::Cluster}: name, node type, node count
 * ({@code ReplicationFactor}, from {@code TotalNodes}), role, subnet group, security groups, encryption,
 * and {@code ParameterGroupName}, a reference to the cluster's {@code AWS::DAX::ParameterGroup} by name
 * (a live cluster always has one: DAX gives a cluster created without one {@code default.dax1.0}).
 * {@code AvailabilityZones}, where a template asks for its nodes to be placed, is left out: the API
 * tells where each node is, not what was asked for. Tags are not read: no rule reads a DAX cluster's.
 */
public final class ClusterMapper {

    public static final String TYPE = "AWS::DAX::Cluster";

    private ClusterMapper() {
    }

    public static LiveResource map(Scope scope, Cluster c) {
        Props p = Props.map().put("ClusterName", c.clusterName())
                .put("Description", c.description())
                .put("NodeType", c.nodeType())
                .put("ReplicationFactor", c.totalNodes())
                .put("IAMRoleARN", c.iamRoleArn())
                .put("SubnetGroupName", c.subnetGroup())
                .put("PreferredMaintenanceWindow", c.preferredMaintenanceWindow())
                .put("ClusterEndpointEncryptionType", c.clusterEndpointEncryptionTypeAsString())
                .put("NetworkType", c.networkTypeAsString());
        if (c.parameterGroup() != null && c.parameterGroup().parameterGroupName() != null) {
            p.ref("ParameterGroupName", c.parameterGroup().parameterGroupName(), ParameterGroupMapper.TYPE);
        }
        if (c.hasSecurityGroups()) {
            List<String> ids = c.securityGroups().stream().map(SecurityGroupMembership::securityGroupIdentifier)
                    .filter(id -> id != null).toList();
            p.refs("SecurityGroupIds", ids, SecurityGroupMapper.TYPE);
        }
        if (c.sseDescription() != null && c.sseDescription().status() != null) {
            String status = c.sseDescription().statusAsString();
            p.put("SSESpecification", Props.map().put("SSEEnabled", status.equals("ENABLED") || status.equals("ENABLING")));
        }
        if (c.notificationConfiguration() != null) {
            p.put("NotificationTopicARN", c.notificationConfiguration().topicArn());
        }
        return LiveResource.of(TYPE, c.clusterArn(), c.clusterName(), scope, p.build(),
                Ids.of(c.clusterName(), "", c.clusterArn(), "Arn"));
    }
}
