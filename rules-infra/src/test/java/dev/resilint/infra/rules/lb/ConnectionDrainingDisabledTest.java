package dev.resilint.infra.rules.lb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionDrainingDisabledTest {

    private static final String HEADER = """
            Parameters:
              Drain: {Type: String}
              Delay: {Type: Number}
            Conditions:
              Prod: !Equals [!Ref Drain, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** The marker for a finding on the Properties key (line 10) of {@link #clb} or {@link #group}. */
    private static final String ON_PROPERTIES = "  # expect LB05";

    private static List<Finding> clb(String properties) {
        return clb("", properties);
    }

    /** A Classic Load Balancer Clb with {@code properties} from line 12; {@code marker} goes on its Properties line. */
    private static List<Finding> clb(String marker, String properties) {
        return Expect.findings(new ConnectionDrainingDisabled(), HEADER + """
                  Clb:
                    Type: AWS::ElasticLoadBalancing::LoadBalancer
                    Properties:%s
                      Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]
                """.formatted(marker) + properties.indent(6));
    }

    private static List<Finding> group(String properties) {
        return group("", properties);
    }

    /** A target group Tg with {@code properties} from line 12; {@code marker} goes on its Properties line. */
    private static List<Finding> group(String marker, String properties) {
        return Expect.findings(new ConnectionDrainingDisabled(), HEADER + """
                  Tg:
                    Type: AWS::ElasticLoadBalancingV2::TargetGroup
                    Properties:%s
                      Protocol: HTTP
                """.formatted(marker) + properties.indent(6));
    }

    @Test
    void firesOnAClassicLoadBalancerWithoutAPolicy() {
        assertThat(clb(ON_PROPERTIES, "")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("LB05");
            assertThat(f.message()).isEqualTo("Classic Load Balancer Clb cuts the connections of an instance as soon "
                    + "as it is deregistered or unhealthy, failing its requests in flight (ConnectionDrainingPolicy is "
                    + "not set (default: connection draining off)); set ConnectionDrainingPolicy: {Enabled: true, "
                    + "Timeout: 300}");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Clb/Properties/ConnectionDrainingPolicy/Enabled");
            assertThat(loc.line()).isEqualTo(10); // the Properties key, since the policy is not written
        });
    }

    @Test
    void firesOnDrainingSwitchedOffAndPointsAtTheFlag() {
        List<Finding> findings = clb("ConnectionDrainingPolicy:\n  Enabled: false  # expect LB05\n  Timeout: 60\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("(ConnectionDrainingPolicy.Enabled: false)");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Clb/Properties/ConnectionDrainingPolicy/Enabled");
            assertThat(loc.line()).isEqualTo(13);
            assertThat(loc.column()).isEqualTo(9);
        });
        assertThat(clb("ConnectionDrainingPolicy: !If [Prod, {Enabled: false}, !Ref AWS::NoValue]  # expect LB05\n"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("whichever way its condition goes"));
    }

    @Test
    void quietWhenDrainingIsOnOrUnknown() {
        assertThat(clb("ConnectionDrainingPolicy: {Enabled: true, Timeout: 300}\n")).isEmpty();
        assertThat(clb("ConnectionDrainingPolicy: {Enabled: 'true'}\n")).isEmpty();
        assertThat(clb("ConnectionDrainingPolicy: {Enabled: !Ref Drain}\n")).isEmpty();
        assertThat(clb("ConnectionDrainingPolicy: !If [Prod, {Enabled: true}, {Enabled: false}]\n")).isEmpty();
        assertThat(clb("ConnectionDrainingPolicy: !Ref Drain\n")).isEmpty();
    }

    @Test
    void firesOnATargetGroupWithoutDeregistrationDelay() {
        assertThat(group("""
                TargetGroupAttributes:
                  - {Key: stickiness.enabled, Value: 'false'}
                  - Key: deregistration_delay.timeout_seconds
                    Value: '0'  # expect LB05
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).isEqualTo("Target group Tg cuts the connections of a target as soon as it "
                            + "is deregistered, failing its requests in flight (deregistration_delay.timeout_seconds "
                            + "is 0); remove the attribute (the default is 300 s) or set it to the time the slowest "
                            + "request needs");
                    Location.Template loc = (Location.Template) f.location();
                    assertThat(loc.logicalPath()).isEqualTo("Resources/Tg/Properties/TargetGroupAttributes/1/Value");
                    assertThat(loc.column()).isEqualTo(11);
                });
    }

    @Test
    void quietOnATargetGroupWithTheDefaultOrAnUnknownDelay() {
        assertThat(group("Port: 80\n")).isEmpty();
        assertThat(group("TargetGroupAttributes: [{Key: deregistration_delay.timeout_seconds, Value: '30'}]\n"))
                .isEmpty();
        assertThat(group("TargetGroupAttributes: [{Key: deregistration_delay.timeout_seconds, Value: !Ref Delay}]\n"))
                .isEmpty();
        assertThat(group("TargetGroupAttributes: [{Key: !Ref Drain, Value: '0'}]\n")).isEmpty();
        assertThat(group("TargetGroupAttributes: !If [Prod, [{Key: deregistration_delay.timeout_seconds, "
                + "Value: 0}], []]\n")).isEmpty();
        assertThat(group("TargetGroupAttributes: !If [Prod, [{Key: deregistration_delay.timeout_seconds, "
                + "Value: 0}], [{Key: deregistration_delay.timeout_seconds, Value: '0'}]]  # expect LB05\n")).hasSize(1);
        assertThat(group("TargetType: lambda\n"
                + "TargetGroupAttributes: [{Key: deregistration_delay.timeout_seconds, Value: 0}]\n")).isEmpty();
        assertThat(group("TargetType: !Ref Drain\n"
                + "TargetGroupAttributes: [{Key: deregistration_delay.timeout_seconds, Value: 0}]\n")).isEmpty();
    }

    @Test
    void resourcesNeverCreatedAreNotJudged() {
        assertThat(Expect.findings(new ConnectionDrainingDisabled(), HEADER + """
                  Clb:
                    Type: AWS::ElasticLoadBalancing::LoadBalancer
                    Condition: Never
                    Properties: {Listeners: []}
                """)).isEmpty();
    }
}
