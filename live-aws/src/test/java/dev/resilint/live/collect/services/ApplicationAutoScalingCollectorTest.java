package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.applicationautoscaling.ScalableTargetMapper;
import dev.resilint.live.twin.Scans;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApplicationAutoScalingCollectorTest {

    static final String ACCOUNT = "210987654321";
    static final String REGION = "eu-central-1";
    static final String TARGETS = "arn:aws:application-autoscaling:eu-central-1:210987654321:scalable-target/";
    static final String ROLE = "arn:aws:iam::210987654321:role/aws-service-role/dynamodb.application-autoscaling."
            + "amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    static Map<String, Object> target(String resourceId, String dimension, String arnId) {
        Map<String, Object> t = new java.util.LinkedHashMap<>(Map.of("ServiceNamespace", "dynamodb",
                "ResourceId", resourceId, "ScalableDimension", dimension, "MinCapacity", 5, "MaxCapacity", 100,
                "RoleARN", ROLE, "CreationTime", "2024-05-01T10:00:00Z"));
        if (arnId != null) {
            t.put("ScalableTargetARN", TARGETS + arnId);
        }
        return t;
    }

    /** Three targets of DynamoDB (two pages), served only to a request for the {@code dynamodb} namespace. */
    static FakeRegion serve() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("application-autoscaling", "DescribeScalableTargets", "ServiceNamespace", "dynamodb", List.of(
                target("table/orders", "dynamodb:table:ReadCapacityUnits", "1a2b"),
                target("table/orders", "dynamodb:table:WriteCapacityUnits", "3c4d"),
                Map.of("ServiceNamespace", "dynamodb", "ResourceId", "table/orders/index/by-user",
                        "ScalableDimension", "dynamodb:index:ReadCapacityUnits", "MinCapacity", 1, "MaxCapacity", 10,
                        "RoleARN", ROLE, "CreationTime", "2024-05-01T10:00:00Z",
                        "SuspendedState", Map.of("DynamicScalingInSuspended", true))));
        return eu;
    }

    @Test
    void readsTheScalableTargetsOfDynamoDbPageByPage() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new ApplicationAutoScalingCollector(), ACCOUNT, REGION, false);

        // the third has no ScalableTargetARN: it is named by what CloudFormation's Ref returns
        assertThat(run.arns()).containsExactly(TARGETS + "1a2b", TARGETS + "3c4d",
                TARGETS + "dynamodb|table/orders/index/by-user|dynamodb:index:ReadCapacityUnits");
        assertThat(PropsText.of(run.resource(TARGETS + "1a2b").properties())).isEqualTo("{ServiceNamespace: "
                + "\"dynamodb\", ResourceId: \"table/orders\", ScalableDimension: \"dynamodb:table:ReadCapacityUnits\", "
                + "MinCapacity: 5, MaxCapacity: 100, RoleARN: \"" + ROLE + "\"}");
        assertThat(PropsText.of(PropsText.at(run.resource(TARGETS
                + "dynamodb|table/orders/index/by-user|dynamodb:index:ReadCapacityUnits").properties(),
                "SuspendedState"))).isEqualTo("{DynamicScalingInSuspended: true}");
        assertThat(run.completeness()).containsExactly(Map.entry(ScalableTargetMapper.TYPE, Optional.empty()));
        assertThat(FAKE.calls().counts()).containsExactlyInAnyOrderEntriesOf(
                Map.of("application-autoscaling:DescribeScalableTargets", 2L));
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void accessDeniedMakesTheTypeAGapAndSc03NotEvaluatedNamingTheAction() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "User is not authorized to perform: "
                + "application-autoscaling:DescribeScalableTargets")).on("application-autoscaling",
                "DescribeScalableTargets"));

        ScanOfOne run = ScanOfOne.of(FAKE, new ApplicationAutoScalingCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources()).isEmpty();
        assertThat(run.completeness().get(ScalableTargetMapper.TYPE)).hasValueSatisfying(gap -> {
            assertThat(gap.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(gap.detail()).contains("DescribeScalableTargets");
        });
    }
}
