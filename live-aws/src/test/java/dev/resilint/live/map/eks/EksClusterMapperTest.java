package dev.resilint.live.map.eks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;

class EksClusterMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:eks:eu-west-1:111122223333:cluster/prod";

    @Test
    void aListedClusterHasItsNameAndTheArnEksForms() {
        LiveResource r = EksClusterMapper.listed(SCOPE, "prod");

        assertThat(r.type()).isEqualTo("AWS::EKS::Cluster");
        assertThat(r.arn()).isEqualTo(ARN);
        assertThat(r.identifiers()).isEqualTo(Map.of("prod", "", ARN, "Arn"));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of("Name", "prod"));
        assertThat(EksClusterMapper.NOT_DESCRIBED.reason()).isEqualTo(Value.Reason.NOT_COLLECTED);
    }

    @Test
    void aDescribedClusterHasItsVpcConfigurationAndTags() {
        Cluster c = Cluster.builder().name("prod").arn(ARN).version("1.31").roleArn("arn:aws:iam::111122223333:role/eks")
                .resourcesVpcConfig(VpcConfigResponse.builder().subnetIds("subnet-a").securityGroupIds("sg-1")
                        .endpointPublicAccess(false).endpointPrivateAccess(true).build())
                .tags(Map.of("team", "platform")).build();

        Map<String, Object> p = PlainTrees.of(EksClusterMapper.map(SCOPE, c));

        assertThat(p).isEqualTo(Map.of("Name", "prod", "Version", "1.31", "RoleArn", "arn:aws:iam::111122223333:role/eks",
                "ResourcesVpcConfig", Map.of("SubnetIds", List.of(Ref.to("subnet-a", "AWS::EC2::Subnet")),
                        "SecurityGroupIds", List.of(Ref.to("sg-1", "AWS::EC2::SecurityGroup")),
                        "EndpointPublicAccess", false, "EndpointPrivateAccess", true),
                "Tags", List.of(Map.of("Key", "team", "Value", "platform"))));
    }
}
