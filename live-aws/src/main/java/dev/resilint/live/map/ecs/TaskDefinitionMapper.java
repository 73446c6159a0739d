package dev.resilint.live.map.ecs;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Tags;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * {@code DescribeTaskDefinition} answers as {@code AWS::ECS::TaskDefinition}: the family, network
 * mode, compatibilities, sizes, roles and each container's name, image and {@code PortMappings}.
 * A template's {@code Ref} to a task definition returns its ARN, which is how services name it.
 *
 * <p>Live semantics: an account keeps every revision of every family; the live scan reads the
 * revisions its services run, which are the only ones a rule follows (a template declares the one
 * revision its services use).
 */
public final class TaskDefinitionMapper {

    public static final String TYPE = "AWS::ECS::TaskDefinition";

    private TaskDefinitionMapper() {
    }

    /** @param tags the tags {@code DescribeTaskDefinition} returned (asked for only when a rule reads them) */
    public static LiveResource map(Scope scope, TaskDefinition td, List<Tag> tags) {
        Props p = Props.map()
                .put("Family", td.family())
                .list("ContainerDefinitions", td.containerDefinitions().stream().map(TaskDefinitionMapper::container)
                        .toList())
                .put("NetworkMode", td.networkModeAsString())
                .strings("RequiresCompatibilities", td.requiresCompatibilitiesAsStrings())
                .put("Cpu", td.cpu())
                .put("Memory", td.memory())
                .put("TaskRoleArn", td.taskRoleArn())
                .put("ExecutionRoleArn", td.executionRoleArn())
                .tags("Tags", Tags.of(tags, Tag::key, Tag::value));
        return LiveResource.of(TYPE, td.taskDefinitionArn(), EcsArns.familyRevision(td.taskDefinitionArn()), scope,
                p.build(), Ids.of(td.taskDefinitionArn(), ""));
    }

    /** A task definition known only by the ARN a service named (its description could not be read). */
    public static LiveResource listed(Scope scope, String taskDefinitionArn) {
        return LiveResource.of(TYPE, taskDefinitionArn, EcsArns.familyRevision(taskDefinitionArn), scope,
                Props.map().put("Family", EcsArns.family(taskDefinitionArn)).build(), Ids.of(taskDefinitionArn, ""));
    }

    private static Node container(ContainerDefinition c) {
        return Props.map().put("Name", c.name()).put("Image", c.image()).put("Essential", c.essential())
                .put("Cpu", c.cpu()).put("Memory", c.memory()).put("MemoryReservation", c.memoryReservation())
                .list("PortMappings", c.portMappings().stream().map(TaskDefinitionMapper::portMapping).toList())
                .build();
    }

    private static Node portMapping(PortMapping m) {
        return Props.map().put("ContainerPort", m.containerPort()).put("HostPort", m.hostPort())
                .put("Protocol", m.protocolAsString()).put("Name", m.name()).put("AppProtocol", m.appProtocolAsString())
                .put("ContainerPortRange", m.containerPortRange()).build();
    }
}
