package dev.resilint.live.map.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

class TaskDefinitionMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7";

    @Test
    void containersWithTheirPortMappingsAndTheNetworkMode() {
        TaskDefinition td = TaskDefinition.builder().taskDefinitionArn(ARN).family("api").revision(7)
                .networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE).cpu("256").memory("512")
                .taskRoleArn("arn:aws:iam::111122223333:role/api")
                .containerDefinitions(ContainerDefinition.builder().name("web").image("nginx:1").essential(true)
                        .portMappings(PortMapping.builder().containerPort(8080).hostPort(8080)
                                .protocol(TransportProtocol.TCP).name("http").build()).build(),
                        ContainerDefinition.builder().name("sidecar").image("agent:2").essential(false).build())
                .build();

        LiveResource r = TaskDefinitionMapper.map(SCOPE, td, List.of(Tag.builder().key("app").value("api").build()));

        assertThat(r.type()).isEqualTo("AWS::ECS::TaskDefinition");
        assertThat(r.name()).isEqualTo("api:7");
        assertThat(r.identifiers()).isEqualTo(Map.of(ARN, ""));
        Map<String, Object> p = PlainTrees.of(r);
        assertThat(p.get("Family")).isEqualTo("api");
        assertThat(p.get("NetworkMode")).isEqualTo("awsvpc");
        assertThat(p.get("RequiresCompatibilities")).isEqualTo(List.of("FARGATE"));
        assertThat(p.get("Cpu")).isEqualTo("256");
        assertThat(p.get("Memory")).isEqualTo("512");
        assertThat(p.get("TaskRoleArn")).isEqualTo("arn:aws:iam::111122223333:role/api");
        assertThat(p.get("ContainerDefinitions")).isEqualTo(List.of(
                Map.of("Name", "web", "Image", "nginx:1", "Essential", true, "PortMappings", List.of(
                        Map.of("ContainerPort", 8080L, "HostPort", 8080L, "Protocol", "tcp", "Name", "http"))),
                Map.of("Name", "sidecar", "Image", "agent:2", "Essential", false)));
        assertThat(p.get("Tags")).isEqualTo(List.of(Map.of("Key", "app", "Value", "api")));
    }

    @Test
    void aTaskDefinitionKnownByItsArnHasItsFamily() {
        LiveResource r = TaskDefinitionMapper.listed(SCOPE, ARN);

        assertThat(r.name()).isEqualTo("api:7");
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of("Family", "api"));
    }
}
