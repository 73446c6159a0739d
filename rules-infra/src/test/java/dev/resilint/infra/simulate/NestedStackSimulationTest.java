package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template with its nested stacks is one stack; zones the parent passes keep their meaning in the child. */
class NestedStackSimulationTest {

    @TempDir
    Path dir;

    @Test
    void aNestedStacksTiersBelongToItsParentsStack() throws Exception {
        Files.writeString(dir.resolve("app.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Web:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: ./web.yaml
                      Parameters:
                        FirstZone: !Select [0, !GetAZs '']
                        SecondZone: !Select [1, !GetAZs '']
                        BastionSubnet: !Ref PublicA
                  Balancer:
                    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    Properties: {Subnets: [!Ref PublicA, !Ref PublicB]}
                  PublicA:
                    Type: AWS::EC2::Subnet
                    Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
                  PublicB:
                    Type: AWS::EC2::Subnet
                    Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [1, !GetAZs '']}
                """);
        Files.writeString(dir.resolve("web.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  FirstZone: {Type: String}
                  SecondZone: {Type: String}
                  BastionSubnet: {Type: 'AWS::EC2::Subnet::Id'}
                Resources:
                  PrivateA:
                    Type: AWS::EC2::Subnet
                    Properties: {VpcId: vpc-1, CidrBlock: 10.0.10.0/24, AvailabilityZone: !Ref FirstZone}
                  PrivateB:
                    Type: AWS::EC2::Subnet
                    Properties: {VpcId: vpc-1, CidrBlock: 10.0.11.0/24, AvailabilityZone: !Ref SecondZone}
                  Group:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {MinSize: '2', MaxSize: '4', VPCZoneIdentifier: [!Ref PrivateB]}
                  Bastion:
                    Type: AWS::EC2::Instance
                    Properties: {ImageId: ami-1, SubnetId: !Ref BastionSubnet}
                """);
        Simulation simulation = Simulate.files(dir, ".");
        assertThat(simulation.stacks()).singleElement().satisfies(stack -> {
            assertThat(stack.name()).isEqualTo("app.yaml");
            assertThat(stack.files()).containsExactly("app.yaml", "web.yaml");
            assertThat(stack.zones()).containsExactly("az[0]", "az[1]");
            assertThat(stack.tiers()).extracting(Tier::name).containsExactly("Balancer", "Web/Group", "Web/Bastion");
            // a subnet of the parent, passed as a parameter, is placed where the parent puts it
            assertThat(stack.outcome(Simulate.tier(stack, "Web/Bastion"), "az[0]")).isEqualTo(Outcome.LOSES_EVERYTHING);
            assertThat(Simulate.tier(stack, "Web/Group").file()).isEqualTo("web.yaml");
            assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of az[0]: Web/Bastion (single instance); nor the "
                    + "loss of az[1]: Web/Group (all instances)");
        });
    }
}
