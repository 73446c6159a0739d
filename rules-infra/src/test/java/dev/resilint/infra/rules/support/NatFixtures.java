package dev.resilint.infra.rules.support;

/**
 * NAT instances as templates write them, for the rules that must tell forwarding compute from a
 * service: an Auto Scaling group of one NAT instance whose user data turns the source/destination
 * check off, and a standalone one; each admits HTTP and HTTPS from the VPC to forward it.
 */
public final class NatFixtures {

    /** The user data of a NAT instance, as {@code Fn::Sub} text (it refers to the region). */
    public static final String NAT_USER_DATA = """
            #!/bin/bash
            TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')
            ID=$(curl -sH "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id)
            aws ec2 modify-instance-attribute --instance-id $ID --no-source-dest-check --region ${AWS::Region}
            sysctl -w net.ipv4.ip_forward=1
            iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
            """;

    private NatFixtures() {
    }

    /**
     * A NAT security group, a launch template with {@code userData} (Fn::Sub text; none when empty)
     * and an Auto Scaling group Nat of one instance; {@code marker} goes on Nat's Properties line (line 20).
     */
    public static String natGroup(String userData, String marker) {
        String data = userData.isEmpty() ? "" : "        UserData:\n          Fn::Base64: !Sub |\n"
                + userData.indent(12);
        return """
                Resources:
                  NatSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: nat
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 10.0.0.0/16}
                        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16}
                  Nat:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties:%s
                      MinSize: '1'
                      MaxSize: '1'
                      VPCZoneIdentifier: [subnet-1]
                      LaunchTemplate: {LaunchTemplateId: !Ref NatTemplate, Version: '1'}
                  NatTemplate:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateData:
                        ImageId: ami-12345678
                        SecurityGroupIds: [!Ref NatSg]
                """.formatted(marker) + data;
    }

    /** The same as a standalone instance Nat with {@code properties} (indented for Properties). */
    public static String natInstance(String properties, String marker) {
        return """
                Resources:
                  NatSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: nat
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 10.0.0.0/16}
                  Nat:%s
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-12345678
                      SecurityGroupIds: [!Ref NatSg]
                """.formatted(marker) + properties.indent(6);
    }
}
