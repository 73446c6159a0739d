package dev.resilint.live.map.eks;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;

/**
 * EKS clusters as {@code AWS::EKS::Cluster}. {@code ListClusters} gives only names; the rules that
 * read EKS clusters (LB01) only need to know that a cluster exists, so the live scan calls
 * {@code DescribeCluster} for each cluster only when tags are needed ({@link #map}). A cluster known
 * by its name alone ({@link #listed}) has every other property unread (not collected): a rule that
 * reads one is then not evaluated for it instead of taking the property as unset.
 */
public final class EksClusterMapper {

    public static final String TYPE = "AWS::EKS::Cluster";
    static final String SUBNET = "AWS::EC2::Subnet";
    static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";

    /** What a cluster known by its name alone lacks. */
    public static final Value.Unknown NOT_DESCRIBED = Value.unknown(Value.Reason.NOT_COLLECTED,
            "eks:DescribeCluster is called only when a rule reads tags; only the cluster's name was read");

    private EksClusterMapper() {
    }

    /** A cluster from {@code ListClusters}: its name, and its ARN as EKS forms it. */
    public static LiveResource listed(Scope scope, String name) {
        String arn = arn(scope, name);
        return LiveResource.of(TYPE, arn, name, scope, Props.map().put("Name", name).build(), Ids.of(name, "", arn, "Arn"));
    }

    /** A cluster from {@code DescribeCluster}. */
    public static LiveResource map(Scope scope, Cluster c) {
        String arn = c.arn() != null ? c.arn() : arn(scope, c.name());
        Props p = Props.map().put("Name", c.name()).put("Version", c.version()).put("RoleArn", c.roleArn())
                .put("ResourcesVpcConfig", vpc(c.resourcesVpcConfig()))
                .put("DeletionProtection", c.deletionProtection())
                .tags("Tags", c.tags());
        return LiveResource.of(TYPE, arn, c.name(), scope, p.build(), Ids.of(c.name(), "", arn, "Arn"));
    }

    /** {@code arn:<partition>:eks:<region>:<account>:cluster/<name>}. */
    public static String arn(Scope scope, String name) {
        return Arns.of(scope, "eks", "cluster/" + name);
    }

    private static Props vpc(VpcConfigResponse v) {
        if (v == null) {
            return null;
        }
        return Props.map().refs("SubnetIds", v.subnetIds(), SUBNET)
                .refs("SecurityGroupIds", v.securityGroupIds(), SECURITY_GROUP)
                .put("EndpointPublicAccess", v.endpointPublicAccess())
                .put("EndpointPrivateAccess", v.endpointPrivateAccess())
                .strings("PublicAccessCidrs", v.publicAccessCidrs());
    }
}
