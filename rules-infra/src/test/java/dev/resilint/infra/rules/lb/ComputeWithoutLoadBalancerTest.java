package dev.resilint.infra.rules.lb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import dev.resilint.infra.rules.support.NatFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputeWithoutLoadBalancerTest {

    /** A marker for a finding on the line it ends. */
    private static final String EXPECT = "  # expect LB01";

    /** The findings, which must be the ones that {@code # expect} markers in {@code yaml} name. */
    private static List<Finding> check(String yaml) {
        return Expect.findings(new ComputeWithoutLoadBalancer(), yaml);
    }

    private static String asg(String ingress, String asgProperties) {
        return asg(ingress, asgProperties, "");
    }

    /**
     * A web security group, a launch template using it, and an Auto Scaling group with {@code asg} as extra
     * properties; {@code marker} goes on the group's Properties line.
     */
    private static String asg(String ingress, String asgProperties, String marker) {
        return """
                Parameters:
                  Cidr: {Type: String}
                  Port: {Type: Number}
                Conditions:
                  Prod: !Equals [!Ref Cidr, 10.0.0.0/8]
                Resources:
                  WebSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: web
                      SecurityGroupIngress:
                """ + ingress.indent(8) + """
                  WebTemplate:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData:
                        ImageId: ami-12345678
                        SecurityGroupIds: [!Ref WebSg]
                  WebGroup:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties:%s
                      LaunchTemplate:
                        LaunchTemplateId: !Ref WebTemplate
                        Version: !GetAtt WebTemplate.LatestVersionNumber
                      MinSize: '2'
                      MaxSize: '4'
                """.formatted(marker) + asgProperties.indent(6);
    }

    private static final String HTTP = "- {IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}\n";

    @Test
    void firesOnAnAutoScalingGroupServingHttpWithoutLoadBalancer() {
        assertThat(check(asg(HTTP, "", EXPECT))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("LB01");
            assertThat(f.message()).startsWith("Auto Scaling group WebGroup serves traffic (security group WebSg "
                    + "admits TCP 80 from 0.0.0.0/0) but is attached to no load balancer")
                    .contains("TargetGroupARNs");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/WebGroup/Properties/TargetGroupARNs");
            assertThat(loc.column()).isEqualTo(5); // WebGroup's Properties key
        });
    }

    @Test
    void quietWhenAttached() {
        assertThat(check(asg(HTTP, "TargetGroupARNs: [!Ref Tg]\n"))).isEmpty();
        assertThat(check(asg(HTTP, "LoadBalancerNames: [!ImportValue web-clb]\n"))).isEmpty();
        assertThat(check(asg(HTTP, "TrafficSources: [{Identifier: !Ref Tg, Type: elbv2}]\n"))).isEmpty();
    }

    @Test
    void quietWhenTheAttachmentIsUnknown() {
        assertThat(check(asg(HTTP, "TargetGroupARNs: !Ref Cidr\n"))).isEmpty();
        assertThat(check(asg(HTTP, "TargetGroupARNs: !If [Prod, [!Ref Tg], !Ref AWS::NoValue]\n"))).isEmpty();
        assertThat(check(asg(HTTP, "TargetGroupARNs: [!If [Prod, !Ref Tg, !Ref AWS::NoValue]]\n"))).isEmpty();
    }

    @Test
    void firesWhenAnEmptyAttachmentIsProvable() {
        assertThat(check(asg(HTTP, "TargetGroupARNs: []" + EXPECT + "\nLoadBalancerNames: !Ref AWS::NoValue\n")))
                .hasSize(1);
    }

    @Test
    void quietWhenOnlySshOrRdpOrNoCidrIsOpen() {
        assertThat(check(asg("- {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n"
                + "- {IpProtocol: tcp, FromPort: '3389', ToPort: '3389', CidrIpv6: '::/0'}\n", ""))).isEmpty();
        assertThat(check(asg("- {IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: sg-123}\n", "")))
                .isEmpty();
        assertThat(check(asg("- {IpProtocol: udp, FromPort: 53, ToPort: 53, CidrIp: 0.0.0.0/0}\n", ""))).isEmpty();
    }

    @Test
    void portRangesThatHoldAnotherPortCount() {
        assertThat(check(asg("- {IpProtocol: '6', FromPort: 22, ToPort: 23, CidrIp: 10.0.0.0/16}\n", "", EXPECT)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("TCP 22-23 from 10.0.0.0/16"));
        assertThat(check(asg("- {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !Ref Cidr}\n", "", EXPECT)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("TCP 443 from a CIDR range"));
    }

    @Test
    void catchAllRulesCountOnlyFromTheInternet() {
        assertThat(check(asg("- {IpProtocol: '-1', CidrIp: 10.0.0.0/16}\n", ""))).isEmpty();
        assertThat(check(asg("- {IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 10.0.0.0/16}\n", ""))).isEmpty();
        assertThat(check(asg("- {IpProtocol: '-1', CidrIp: 0.0.0.0/0}\n", "", EXPECT)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("all traffic from 0.0.0.0/0"));
    }

    @Test
    void quietWhenTheRuleCannotBeKnown() {
        assertThat(check(asg("- {IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0}\n", "")))
                .isEmpty();
        assertThat(check(asg("- {IpProtocol: !Ref Cidr, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}\n", "")))
                .isEmpty();
        assertThat(check(asg("- {IpProtocol: tcp, FromPort: 80, ToPort: 80, "
                + "CidrIp: !If [Prod, 0.0.0.0/0, !Ref AWS::NoValue]}\n", ""))).isEmpty();
        assertThat(check(asg("- !If [Prod, {IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}, "
                + "!Ref AWS::NoValue]\n", ""))).isEmpty();
    }

    @Test
    void quietWhenTheSecurityGroupIsOutsideTheTemplate() {
        assertThat(check("""
                Resources:
                  Config:
                    Type: AWS::AutoScaling::LaunchConfiguration
                    Properties: {ImageId: ami-1, InstanceType: t3.small, SecurityGroups: [!ImportValue web-sg, sg-123]}
                  WebGroup:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {LaunchConfigurationName: !Ref Config, MinSize: 2, MaxSize: 2}
                """)).isEmpty();
    }

    @Test
    void readsLaunchConfigurationsAndSeparateIngressResources() {
        String yaml = """
                Resources:
                  WebSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties: {GroupDescription: web}
                  HttpIn:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties: {GroupId: !GetAtt WebSg.GroupId, IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 0.0.0.0/0}
                  FromWeb:
                    Type: AWS::EC2::SecurityGroupIngress
                    Properties: {GroupId: !Ref DbSg, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref WebSg}
                  DbSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties: {GroupDescription: db}
                  Config:
                    Type: AWS::AutoScaling::LaunchConfiguration
                    Properties: {ImageId: ami-1, InstanceType: t3.small, SecurityGroups: [!Ref WebSg]}
                  WebGroup:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {LaunchConfigurationName: !Ref Config, MinSize: 2, MaxSize: 2}
                """;
        assertThat(check(yaml.replace("MaxSize: 2}", "MaxSize: 2}" + EXPECT))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("admits TCP 8080 from 0.0.0.0/0"));
        // an ingress resource on another group, or one whose condition is false, proves nothing
        String otherGroup = yaml.replace("GroupId: !GetAtt WebSg.GroupId", "GroupId: !Ref DbSg");
        assertThat(check(otherGroup)).isEmpty();
        String neverCreated = """
                Conditions:
                  Never: !Equals [a, b]
                """ + yaml.replace("    Type: AWS::EC2::SecurityGroupIngress\n    Properties: {GroupId: !GetAtt",
                "    Type: AWS::EC2::SecurityGroupIngress\n    Condition: Never\n    Properties: {GroupId: !GetAtt");
        assertThat(check(neverCreated)).isEmpty();
    }

    @Test
    void quietForGroupsSharedWithALoadBalancedTier() {
        String yaml = asg(HTTP, "") + """
                  Alb:
                    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    Properties: {Subnets: [subnet-1, subnet-2], SecurityGroups: [!Ref WebSg]}
                """;
        assertThat(check(yaml)).isEmpty();
    }

    @Test
    void quietForContainerHosts() {
        String yaml = asg(HTTP, "") + """
                  Cluster: {Type: AWS::ECS::Cluster}
                  Provider:
                    Type: AWS::ECS::CapacityProvider
                    Properties:
                      AutoScalingGroupProvider: {AutoScalingGroupArn: !Ref WebGroup}
                """;
        assertThat(check(yaml)).isEmpty();
        String userData = asg(HTTP, "").replace("ImageId: ami-12345678",
                "ImageId: ami-12345678\n        UserData: !Base64 {'Fn::Sub': 'echo ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config'}")
                + "  Cluster: {Type: AWS::ECS::Cluster}\n";
        assertThat(check(userData)).isEmpty();
    }

    @Test
    void quietForGroupsWhoseUserDataStartsAContainerAgentOrWhoseTagsSayAnOrchestratorRunsThem() {
        String eksBootstrap = java.util.Base64.getEncoder().encodeToString(
                "#!/bin/bash\n/etc/eks/bootstrap.sh prod\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(check(asg(HTTP, "").replace("ImageId: ami-12345678",
                "ImageId: ami-12345678\n        UserData: " + eksBootstrap))).isEmpty();
        assertThat(check(asg(HTTP, "").replace("ImageId: ami-12345678",
                "ImageId: ami-12345678\n        UserData: 'echo ECS_CLUSTER=orders >> /etc/ecs/ecs.config'"))).isEmpty();
        for (String key : List.of("eks:cluster-name", "eks:nodegroup-name", "AmazonECSManaged",
                "kubernetes.io/cluster/prod", "k8s.io/cluster-autoscaler/enabled")) {
            assertThat(check(asg(HTTP, "Tags: [{Key: '" + key + "', Value: prod, PropagateAtLaunch: true}]")))
                    .as(key).isEmpty();
        }
        // other user data and other tags prove nothing
        String other = java.util.Base64.getEncoder().encodeToString("#!/bin/bash\nyum install -y nginx\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(check(asg(HTTP, "Tags: [{Key: team, Value: web, PropagateAtLaunch: true}]", EXPECT)
                .replace("ImageId: ami-12345678", "ImageId: ami-12345678\n        UserData: " + other))).hasSize(1);
    }

    @Test
    void skipsResourcesThatAreNeverCreated() {
        String yaml = asg(HTTP, "").replace("Prod: !Equals [!Ref Cidr, 10.0.0.0/8]",
                "Prod: !Equals [!Ref Cidr, 10.0.0.0/8]\n  Never: !Equals [a, b]")
                .replace("    Type: AWS::AutoScaling::AutoScalingGroup\n",
                        "    Type: AWS::AutoScaling::AutoScalingGroup\n    Condition: Never\n");
        assertThat(check(yaml)).isEmpty();
    }

    private static String instance(String instanceProperties, String more) {
        return instance(instanceProperties, more, "");
    }

    /** A web security group and an instance Web using it; {@code marker} goes on Web's key. */
    private static String instance(String instanceProperties, String more, String marker) {
        return """
                Resources:
                  WebSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: web
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIpv6: '::/0'}
                  Web:%s
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-12345678
                """.formatted(marker) + instanceProperties.indent(6) + more;
    }

    @Test
    void firesOnAStandaloneInstanceAndPointsAtTheResource() {
        List<Finding> findings = check(instance("SecurityGroupIds: [!GetAtt WebSg.GroupId]\n", "", EXPECT));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("EC2 instance Web serves traffic (security group WebSg admits TCP 443 "
                    + "from ::/0) but sits behind no load balancer");
            assertThat(((Location.Template) f.location()).logicalPath()).isEqualTo("Resources/Web");
        });
        assertThat(check(instance("SecurityGroups: [!Ref WebSg]\n", "", EXPECT))).hasSize(1);
        assertThat(check(instance("NetworkInterfaces: [{DeviceIndex: '0', SubnetId: subnet-1, GroupSet: [!Ref WebSg]}]\n",
                "", EXPECT))).hasSize(1);
    }

    @Test
    void quietForInstancesThatAreTargetsOrForwardTraffic() {
        assertThat(check(instance("SecurityGroupIds: [!Ref WebSg]\n", """
                  Tg:
                    Type: AWS::ElasticLoadBalancingV2::TargetGroup
                    Properties: {Port: 443, Protocol: HTTPS, VpcId: vpc-1, Targets: [{Id: !Ref Web}]}
                """))).isEmpty();
        assertThat(check(instance("SecurityGroupIds: [!Ref WebSg]\n", """
                  Clb:
                    Type: AWS::ElasticLoadBalancing::LoadBalancer
                    Properties: {Instances: [!Ref Web], Listeners: []}
                """))).isEmpty();
        assertThat(check(instance("SecurityGroupIds: [!Ref WebSg]\nSourceDestCheck: false\n", ""))).isEmpty();
        assertThat(check(instance("SecurityGroupIds: [!Ref WebSg]\nSourceDestCheck: !Ref Unknown\n", ""))).isEmpty();
    }

    private static String service(String serviceProperties, String portMappings) {
        return service(serviceProperties, portMappings, "");
    }

    /** A task definition mapping {@code portMappings} and a service Service, {@code marker} on its Properties line. */
    private static String service(String serviceProperties, String portMappings, String marker) {
        return """
                Parameters:
                  TgArn: {Type: String}
                Resources:
                  Task:
                    Type: AWS::ECS::TaskDefinition
                    Properties:
                      ContainerDefinitions:
                        - Name: web
                          Image: nginx
                """ + portMappings.indent(10) + """
                  Service:
                    Type: AWS::ECS::Service
                    Properties:%s
                      TaskDefinition: !Ref Task
                      DesiredCount: 2
                """.formatted(marker) + serviceProperties.indent(6);
    }

    @Test
    void firesOnAnEcsServiceWhoseTaskMapsAPort() {
        List<Finding> findings = check(service("", "PortMappings: [{ContainerPort: 8080}]\n", EXPECT));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("ECS service Service runs task definition Task whose container web maps "
                    + "TCP port 8080, but the service has no LoadBalancers and no ServiceRegistries; add "
                    + "LoadBalancers with a target group so that clients reach only healthy tasks");
            assertThat(((Location.Template) f.location()).logicalPath())
                    .isEqualTo("Resources/Service/Properties/LoadBalancers");
        });
        assertThat(check(service("LoadBalancers: []" + EXPECT + "\n",
                "PortMappings: [{ContainerPort: 80, Protocol: tcp}]\n"))).hasSize(1);
    }

    @Test
    void quietForEcsServicesBehindALoadBalancerOrRegistry() {
        String ports = "PortMappings: [{ContainerPort: 8080}]\n";
        assertThat(check(service("LoadBalancers: [{ContainerName: web, ContainerPort: 8080, TargetGroupArn: !Ref TgArn}]\n",
                ports))).isEmpty();
        assertThat(check(service("ServiceRegistries: [{RegistryArn: !Ref TgArn}]\n", ports))).isEmpty();
        assertThat(check(service("ServiceConnectConfiguration: {Enabled: true}\n", ports))).isEmpty();
        assertThat(check(service("LoadBalancers: !Ref TgArn\n", ports))).isEmpty();
    }

    @Test
    void quietForEcsServicesWithoutTcpPortsOrUnknownTasks() {
        assertThat(check(service("", ""))).isEmpty();
        assertThat(check(service("", "PortMappings: [{ContainerPort: 2000, Protocol: udp}]\n"))).isEmpty();
        assertThat(check(service("", "PortMappings: [{ContainerPort: !Ref TgArn}]\n"))).isEmpty();
        assertThat(check(service("", "PortMappings: [{ContainerPort: 80}]\n")
                .replace("TaskDefinition: !Ref Task", "TaskDefinition: !ImportValue task-arn"))).isEmpty();
    }

    @Test
    void quietOnNatInstancesWhoseUserDataTurnsTheSourceDestinationCheckOff() {
        // the control: the same group without that user data serves traffic from the VPC
        assertThat(check(NatFixtures.natGroup("", "  # expect LB01"))).singleElement();
        assertThat(check(NatFixtures.natGroup(NatFixtures.NAT_USER_DATA, ""))).isEmpty();
        assertThat(check(NatFixtures.natGroup(NatFixtures.NAT_USER_DATA.replace("--no-source-dest-check",
                "--source-dest-check \"{\\\"Value\\\": false}\""), ""))).isEmpty();
        assertThat(check(NatFixtures.natGroup("#!/bin/bash\nyum install -y httpd\n", "  # expect LB01")))
                .singleElement();
    }

    @Test
    void quietOnStandaloneForwardingInstances() {
        assertThat(check(NatFixtures.natInstance("", "  # expect LB01"))).singleElement();
        assertThat(check(NatFixtures.natInstance("SourceDestCheck: false\n", ""))).isEmpty();
        assertThat(check(NatFixtures.natInstance("SourceDestCheck: 'false'\n", ""))).isEmpty();
        assertThat(check(NatFixtures.natInstance("UserData:\n  Fn::Base64: !Sub |\n"
                + NatFixtures.NAT_USER_DATA.indent(4), ""))).isEmpty();
    }
}
