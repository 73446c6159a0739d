package dev.resilint.live.map.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderType;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;

class CapacityProviderMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ASG = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/ecs";

    @Test
    void theAutoScalingGroupIsAReference() {
        CapacityProvider cp = CapacityProvider.builder().name("web-asg")
                .capacityProviderArn("arn:aws:ecs:eu-west-1:111122223333:capacity-provider/web-asg")
                .type(CapacityProviderType.EC2_AUTOSCALING)
                .autoScalingGroupProvider(AutoScalingGroupProvider.builder().autoScalingGroupArn(ASG)
                        .managedTerminationProtection("ENABLED").managedDraining("ENABLED")
                        .managedScaling(ManagedScaling.builder().status("ENABLED").targetCapacity(100).build()).build())
                .build();

        LiveResource r = CapacityProviderMapper.map(SCOPE, cp).orElseThrow();

        assertThat(r.type()).isEqualTo("AWS::ECS::CapacityProvider");
        assertThat(r.identifiers()).isEqualTo(Map.of("web-asg", ""));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of("Name", "web-asg", "AutoScalingGroupProvider", Map.of(
                "AutoScalingGroupArn", Ref.to(ASG, "AWS::AutoScaling::AutoScalingGroup"),
                "ManagedTerminationProtection", "ENABLED", "ManagedDraining", "ENABLED",
                "ManagedScaling", Map.of("Status", "ENABLED", "TargetCapacity", 100L))));
    }

    @Test
    void theFargateProvidersOfEveryAccountAreLeftOut() {
        assertThat(CapacityProviderMapper.map(SCOPE, CapacityProvider.builder().name("FARGATE")
                .type(CapacityProviderType.FARGATE).build())).isEmpty();
        assertThat(CapacityProviderMapper.map(SCOPE, CapacityProvider.builder().name("FARGATE_SPOT").build())).isEmpty();
    }
}
