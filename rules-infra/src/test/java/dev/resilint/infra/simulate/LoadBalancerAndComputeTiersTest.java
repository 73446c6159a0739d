package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Load balancers, ECS services, Lambda functions in a VPC and standalone EC2 instances. */
class LoadBalancerAndComputeTiersTest {

    @Test
    void aNetworkLoadBalancerInOneSubnetLosesEverythingWithItsZone() {
        StackSimulation stack = Simulate.stack("""
                Nlb:
                  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                  Properties: {Type: network, Subnets: [!Ref SubnetB]}
                Classic:
                  Type: AWS::ElasticLoadBalancing::LoadBalancer
                  Properties:
                    Subnets: [!Ref SubnetA, !Ref SubnetB]
                    Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]
                """);
        assertThat(stack.outcome(Simulate.tier(stack, "Nlb"), "az[1]")).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(stack.outcome(Simulate.tier(stack, "Classic"), "az[1]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of az[1]: Nlb (all nodes)");
    }

    @Test
    void ecsServicesSpreadTasksOverTheirSubnetsAndASingleTaskIsLostWithItsZone() {
        StackSimulation stack = Simulate.stack("""
                Spread:
                  Type: AWS::ECS::Service
                  Properties:
                    DesiredCount: 3
                    NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [!Ref SubnetA, !Ref SubnetB]}}
                Single:
                  Type: AWS::ECS::Service
                  Properties:
                    NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [!Ref SubnetA, !Ref SubnetB]}}
                Bridge:
                  Type: AWS::ECS::Service
                  Properties: {DesiredCount: 2, Cluster: my-cluster}
                """);
        assertThat(stack.outcome(Simulate.tier(stack, "Spread"), "az[0]")).isEqualTo(Outcome.LOSES_CAPACITY);
        Tier single = Simulate.tier(stack, "Single");
        assertThat(single.placement().note()).isEqualTo("DesiredCount 1: one task, in one of az[0], az[1]");
        Tier bridge = Simulate.tier(stack, "Bridge");
        assertThat(bridge.placement().kind()).isEqualTo(Placement.Kind.UNKNOWN);
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of the zone it runs in: Single "
                + "(single task); unknown: Bridge (no awsvpc Subnets: tasks run where the cluster's container "
                + "instances are)");
    }

    @Test
    void lambdaFunctionsOutsideAVpcAreNotZonalTiers() {
        StackSimulation stack = Simulate.stack("""
                Regional:
                  Type: AWS::Lambda::Function
                  Properties: {Runtime: python3.12, Handler: a.b, Role: arn:aws:iam::1:role/r, Code: {ZipFile: x}}
                InOneSubnet:
                  Type: AWS::Lambda::Function
                  Properties:
                    Runtime: python3.12
                    Handler: a.b
                    Role: arn:aws:iam::1:role/r
                    Code: {ZipFile: x}
                    VpcConfig: {SubnetIds: [!Ref SubnetA], SecurityGroupIds: [sg-1]}
                """);
        assertThat(Simulate.only(stack).name()).isEqualTo("InOneSubnet");
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of az[0]: InOneSubnet (all its subnets)");
    }

    @Test
    void aStandaloneInstanceRunsInItsSubnetsZoneOrOneAwsPicks() {
        StackSimulation stack = Simulate.stack("""
                Bastion:
                  Type: AWS::EC2::Instance
                  Properties: {ImageId: ami-1, SubnetId: !Ref SubnetB}
                Anywhere:
                  Type: AWS::EC2::Instance
                  Properties: {ImageId: ami-1}
                """);
        assertThat(stack.outcome(Simulate.tier(stack, "Bastion"), "az[1]")).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(Simulate.tier(stack, "Anywhere").placement().kind()).isEqualTo(Placement.Kind.ONE_OF_ZONES);
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of az[1]: Bastion (single instance); "
                + "nor the loss of the zone it runs in: Anywhere (single instance)");
    }

    @Test
    void zonalTypesThatAreNotSimulatedAreUnknown() {
        StackSimulation stack = Simulate.stack("""
                Search:
                  Type: AWS::OpenSearchService::Domain
                  Properties: {EngineVersion: OpenSearch_2.11}
                """);
        assertThat(stack.verdict().text()).isEqualTo("unknown: Search (AWS::OpenSearchService::Domain is not "
                + "simulated by resilint)");
    }
}
