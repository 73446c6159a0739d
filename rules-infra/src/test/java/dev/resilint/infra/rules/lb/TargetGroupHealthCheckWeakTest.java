package dev.resilint.infra.rules.lb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGroupHealthCheckWeakTest {

    private static final String HEADER = """
            Parameters:
              Interval: {Type: Number}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** The marker for a finding on the Properties key (line 10) of {@link #group}. */
    private static final String ON_PROPERTIES = "  # expect LB04";

    private static List<Finding> group(String properties) {
        return group("", properties);
    }

    /** A target group Tg with {@code properties} from line 12; {@code marker} goes on its Properties line. */
    private static List<Finding> group(String marker, String properties) {
        return Expect.findings(new TargetGroupHealthCheckWeak(), HEADER + """
                  Tg:
                    Type: AWS::ElasticLoadBalancingV2::TargetGroup
                    Properties:%s
                      VpcId: vpc-1
                """.formatted(marker) + properties.indent(6));
    }

    private static String path(Finding f) {
        return ((Location.Template) f.location()).logicalPath();
    }

    @Test
    void firesOnSlowDetectionAndPointsAtTheInterval() {
        assertThat(group("Protocol: HTTP\nPort: 80\nHealthCheckIntervalSeconds: 60  # expect LB04\n"
                + "UnhealthyThresholdCount: 3\n")).singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("LB04");
                    assertThat(f.message()).isEqualTo("Target group Tg takes up to 180 s to stop routing requests to "
                            + "a failed target (HealthCheckIntervalSeconds: 60 x UnhealthyThresholdCount: 3); lower "
                            + "them so that the interval times the threshold is at most 120 s (for example 10 s x 3)");
                    Location.Template loc = (Location.Template) f.location();
                    assertThat(loc.logicalPath()).isEqualTo("Resources/Tg/Properties/HealthCheckIntervalSeconds");
                    assertThat(loc.line()).isEqualTo(14);
                    assertThat(loc.column()).isEqualTo(7);
                });
    }

    @Test
    void countsUnsetValuesAsTheirDefaults() {
        assertThat(group("Protocol: HTTP\nPort: 80\nUnhealthyThresholdCount: 5  # expect LB04\n")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("takes up to 150 s").contains("(HealthCheckIntervalSeconds is not "
                            + "set (default 30) x UnhealthyThresholdCount: 5)");
                    assertThat(path(f)).endsWith("UnhealthyThresholdCount");
                });
        assertThat(group("Protocol: TCP\nPort: 80\nHealthCheckIntervalSeconds: '90'  # expect LB04\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("UnhealthyThresholdCount is not set (default 2)"));
        // GENEVE checks every 10 s by default: 10 x 10 is within the limit
        assertThat(group("Protocol: GENEVE\nPort: 6081\nUnhealthyThresholdCount: 10\n")).isEmpty();
    }

    @Test
    void quietOnTheDefaultsAndOnFastDetection() {
        assertThat(group("Protocol: HTTP\nPort: 80\n")).isEmpty();
        assertThat(group("Protocol: HTTP\nPort: 80\nHealthCheckIntervalSeconds: 60\nUnhealthyThresholdCount: 2\n"))
                .isEmpty();
        assertThat(group("Protocol: HTTPS\nPort: 443\nHealthCheckIntervalSeconds: 10\nUnhealthyThresholdCount: 10\n"))
                .isEmpty();
    }

    @Test
    void firesWhenHealthChecksAreOff() {
        assertThat(group("TargetType: ip\nProtocol: HTTP\nPort: 80\nHealthCheckEnabled: false  # expect LB04\n"))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo("Target group Tg has health checks switched off "
                            + "(HealthCheckEnabled: false), so the load balancer keeps sending requests to targets "
                            + "that have crashed or hung until they are deregistered; remove HealthCheckEnabled: false");
                    assertThat(path(f)).isEqualTo("Resources/Tg/Properties/HealthCheckEnabled");
                });
        assertThat(group("Protocol: HTTP\nPort: 80\nHealthCheckEnabled: 'true'\n")).isEmpty();
    }

    @Test
    void lambdaTargetGroupsAreNotJudged() {
        assertThat(group("TargetType: lambda\nHealthCheckEnabled: true\nHealthCheckIntervalSeconds: 300\n"
                + "UnhealthyThresholdCount: 10\n")).isEmpty();
        assertThat(group("TargetType: lambda\nHealthCheckEnabled: false\n")).isEmpty();
        assertThat(group("TargetType: !Ref Env\nHealthCheckEnabled: false\n")).isEmpty();
    }

    @Test
    void quietWhenTheDecidingValuesAreUnknown() {
        assertThat(group("Protocol: HTTP\nPort: 80\nHealthCheckIntervalSeconds: !Ref Interval\n"
                + "UnhealthyThresholdCount: 10\n")).isEmpty();
        assertThat(group("Protocol: HTTP\nPort: 80\nHealthCheckEnabled: !If [Prod, true, false]\n")).isEmpty();
        assertThat(group("Protocol: !Ref Env\nPort: 80\nUnhealthyThresholdCount: 10\n")).isEmpty();
        assertThat(group("Protocol: !Ref Env\nPort: 80\nHealthCheckIntervalSeconds: 100  # expect LB04\n"
                + "UnhealthyThresholdCount: 2\n")).hasSize(1);
        assertThat(group("Protocol: HTTP\nPort: 80\nHealthCheckIntervalSeconds: !If [Prod, 10, 100]\n"
                + "UnhealthyThresholdCount: 2\n")).isEmpty();
    }

    @Test
    void targetGroupsNeverCreatedAreNotJudged() {
        assertThat(Expect.findings(new TargetGroupHealthCheckWeak(), HEADER + """
                  Tg:
                    Type: AWS::ElasticLoadBalancingV2::TargetGroup
                    Condition: Never
                    Properties: {Protocol: HTTP, Port: 80, VpcId: vpc-1, HealthCheckEnabled: false}
                """)).isEmpty();
    }

    @Test
    void namesCdkResourcesByTheirConstructPath() {
        assertThat(Fixtures.findings(new TargetGroupHealthCheckWeak(), """
                {"Resources": {"WebTg4A2B": {"Type": "AWS::ElasticLoadBalancingV2::TargetGroup",
                  "Metadata": {"aws:cdk:path": "Shop/Web/Tg/Resource"},
                  "Properties": {"Port": 80, "Protocol": "HTTP", "VpcId": "vpc-1",
                    "HealthCheckIntervalSeconds": 300, "UnhealthyThresholdCount": 5}}}}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).startsWith("Target group WebTg4A2B (Shop/Web/Tg) takes up to 1500 s");
                    assertThat(f.location().line()).isEqualTo(4);
                });
    }
}
