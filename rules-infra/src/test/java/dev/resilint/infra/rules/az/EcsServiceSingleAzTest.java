package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsServiceSingleAzTest {

    /** Subnets A and A2 in the first zone, B in the second. */
    private static final String NETWORK = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
              Strategy: {Type: String}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              A: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
              A2: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
              B: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [1, !GetAZs '']}}
              Service:
                Type: AWS::ECS::Service
            """;

    /** The service with {@code properties} below its Properties key (line 15; the first property on 16). */
    private static List<Finding> check(String attributes, String properties) {
        return Expect.findings(new EcsServiceSingleAz(), NETWORK + (attributes + "Properties:\n"
                + ("Cluster: orders\nTaskDefinition: arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1\n"
                        + "DesiredCount: 3\n" + properties).indent(2)).indent(4));
    }

    private static List<Finding> check(String properties) {
        return check("", properties);
    }

    private static List<Finding> awsvpc(String subnets) {
        return check("LaunchType: FARGATE\nNetworkConfiguration:\n  AwsvpcConfiguration:\n    Subnets: " + subnets);
    }

    @Test
    void firesWhenEveryAwsvpcSubnetIsInOneZone() {
        List<Finding> findings = awsvpc("[!Ref A, !Ref A2]  # expect AZ08");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("ECS service Service runs its tasks in 1 Availability Zone (az[0]): "
                    + "every awsvpc subnet is in that zone, so the service stops when the zone fails; list subnets "
                    + "in at least 2 zones in NetworkConfiguration AwsvpcConfiguration Subnets");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath())
                    .isEqualTo("Resources/Service/Properties/NetworkConfiguration/AwsvpcConfiguration/Subnets");
            assertThat(loc.line()).isEqualTo(22);
            assertThat(loc.column()).isEqualTo(11);
        });
    }

    @Test
    void quietOverTwoZonesOrUnknownSubnets() {
        assertThat(awsvpc("[!Ref A, !Ref B]")).isEmpty();
        assertThat(awsvpc("!Ref Subnets")).isEmpty();
        assertThat(awsvpc("[subnet-1]")).isEmpty();
        assertThat(awsvpc("!If [Prod, [!Ref A, !Ref B], [!Ref A]]")).isEmpty();
        assertThat(awsvpc("!If [Prod, [!Ref B], [!Ref A]]  # expect AZ08")).hasSize(1);
    }

    @Test
    void firesOnPlacementStrategiesThatDoNotSpreadByZone() {
        List<Finding> findings = check("""
                PlacementStrategies:  # expect AZ08
                  - {Type: binpack, Field: memory}
                  - {Type: spread, Field: instanceId}
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("ECS service Service places its tasks without spreading them over "
                    + "Availability Zones: its PlacementStrategies (binpack memory, spread instanceId) replace ECS's "
                    + "default spread by zone, so its tasks may all run in one zone; put {Type: spread, Field: "
                    + "attribute:ecs.availability-zone} first in PlacementStrategies");
            assertThat(((Location.Template) f.location()).logicalPath())
                    .isEqualTo("Resources/Service/Properties/PlacementStrategies");
        });
        assertThat(check("LaunchType: EC2\nPlacementStrategies: [{Type: random}]  # expect AZ08")).hasSize(1);
    }

    @Test
    void quietWhenTasksAreSpreadByZoneOrByDefault() {
        assertThat(check("PlacementStrategies: [{Type: spread, Field: attribute:ecs.availability-zone}]")).isEmpty();
        assertThat(check("PlacementStrategies:\n  - {Type: binpack, Field: memory}\n"
                + "  - {Type: spread, Field: 'attribute:ecs.availability-zone'}")).isEmpty();
        assertThat(check("LaunchType: EC2")).isEmpty();
        assertThat(check("PlacementStrategies: []")).isEmpty();
    }

    @Test
    void quietWherePlacementStrategiesDoNotApplyOrCannotBeKnown() {
        assertThat(check("LaunchType: FARGATE\nPlacementStrategies: [{Type: random}]")).isEmpty();
        assertThat(check("LaunchType: EXTERNAL\nPlacementStrategies: [{Type: random}]")).isEmpty();
        assertThat(check("SchedulingStrategy: DAEMON\nPlacementStrategies: [{Type: random}]")).isEmpty();
        assertThat(check("LaunchType: !Ref Strategy\nPlacementStrategies: [{Type: random}]")).isEmpty();
        assertThat(check("PlacementStrategies: [{Type: spread, Field: !Ref Strategy}]")).isEmpty();
        assertThat(check("PlacementStrategies: [{Type: !Ref Strategy, Field: memory}]")).isEmpty();
        assertThat(check("PlacementStrategies: !If [Prod, [{Type: random}], "
                + "[{Type: spread, Field: attribute:ecs.availability-zone}]]")).isEmpty();
    }

    @Test
    void quietWhenTheServiceIsNeverCreated() {
        assertThat(check("Condition: Never\n", "PlacementStrategies: [{Type: random}]")).isEmpty();
        assertThat(check("Condition: Prod\n", "PlacementStrategies: [{Type: random}]  # expect AZ08")).hasSize(1);
    }
}
