package dev.resilint.infra.rules.lb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossZoneLoadBalancingDisabledTest {

    private static final String HEADER = """
            Parameters:
              Cross: {Type: String}
              LbType: {Type: String, Default: network}
            Conditions:
              Prod: !Equals [!Ref Cross, prod]
            Resources:
            """;

    /** The marker for a finding on the Properties key (line 9) of {@link #clb} or {@link #elbv2}. */
    private static final String ON_PROPERTIES = "  # expect LB03";

    private static List<Finding> clb(String properties) {
        return clb("", properties);
    }

    /** A Classic Load Balancer Clb with {@code properties} from line 11; {@code marker} goes on its Properties line. */
    private static List<Finding> clb(String marker, String properties) {
        return Expect.findings(new CrossZoneLoadBalancingDisabled(), HEADER + """
                  Clb:
                    Type: AWS::ElasticLoadBalancing::LoadBalancer
                    Properties:%s
                      Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]
                """.formatted(marker) + properties.indent(6));
    }

    private static List<Finding> elbv2(String properties) {
        return elbv2("", properties);
    }

    /** A load balancer Nlb with {@code properties} from line 11; {@code marker} goes on its Properties line. */
    private static List<Finding> elbv2(String marker, String properties) {
        return Expect.findings(new CrossZoneLoadBalancingDisabled(), HEADER + """
                  Nlb:
                    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    Properties:%s
                      Subnets: [subnet-1, subnet-2]
                """.formatted(marker) + properties.indent(6));
    }

    @Test
    void firesOnAClassicLoadBalancerWithoutCrossZone() {
        assertThat(clb(ON_PROPERTIES, "")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("LB03");
            assertThat(f.message()).isEqualTo("Classic Load Balancer Clb does not balance across Availability Zones "
                    + "(CrossZone is not set and defaults to false); set CrossZone: true so that every zone's "
                    + "instances share the traffic");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Clb/Properties/CrossZone");
        });
        assertThat(clb("CrossZone: 'false'  # expect LB03\n")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("(CrossZone: false)");
            assertThat(f.location().column()).isEqualTo(7);
        });
    }

    @Test
    void quietOnClassicLoadBalancersWithCrossZone() {
        assertThat(clb("CrossZone: true\n")).isEmpty();
        assertThat(clb("CrossZone: 'true'\n")).isEmpty();
    }

    @Test
    void quietWhenCrossZoneIsUnknown() {
        assertThat(clb("CrossZone: !Ref Cross\n")).isEmpty();
        assertThat(clb("CrossZone: !If [Prod, true, false]\n")).isEmpty();
    }

    @Test
    void firesOnANetworkLoadBalancerWithoutTheAttribute() {
        assertThat(elbv2(ON_PROPERTIES, "Type: network\n")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Network Load Balancer Nlb does not balance across Availability Zones "
                    + "(load_balancing.cross_zone.enabled is not set and defaults to false); add the load balancer "
                    + "attribute load_balancing.cross_zone.enabled: 'true' so that every zone's targets share the "
                    + "traffic");
            assertThat(((Location.Template) f.location()).logicalPath())
                    .isEqualTo("Resources/Nlb/Properties/LoadBalancerAttributes");
        });
        assertThat(elbv2("Type: !Ref LbType\nLoadBalancerAttributes:  # expect LB03\n"
                + "  - {Key: deletion_protection.enabled, Value: 'true'}\n")).hasSize(1);
    }

    @Test
    void firesOnAnExplicitFalseAndPointsAtTheValue() {
        assertThat(elbv2("""
                Type: network
                LoadBalancerAttributes:
                  - Key: deletion_protection.enabled
                    Value: 'true'
                  - Key: load_balancing.cross_zone.enabled
                    Value: 'false'  # expect LB03
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("(load_balancing.cross_zone.enabled is false)");
                    assertThat(((Location.Template) f.location()).logicalPath())
                            .isEqualTo("Resources/Nlb/Properties/LoadBalancerAttributes/1/Value");
                });
    }

    @Test
    void quietOnNetworkLoadBalancersWithCrossZone() {
        assertThat(elbv2("Type: network\nLoadBalancerAttributes: [{Key: load_balancing.cross_zone.enabled, "
                + "Value: 'true'}]\n")).isEmpty();
    }

    @Test
    void quietOnApplicationAndGatewayLoadBalancers() {
        assertThat(elbv2("")).isEmpty();
        assertThat(elbv2("Type: application\n")).isEmpty();
        assertThat(elbv2("Type: gateway\n")).isEmpty();
    }

    @Test
    void quietWhenTheTypeOrAttributesAreUnknown() {
        assertThat(elbv2("Type: !Ref Cross\n")).isEmpty();
        assertThat(elbv2("Type: network\nLoadBalancerAttributes: [{Key: load_balancing.cross_zone.enabled, "
                + "Value: !Ref Cross}]\n")).isEmpty();
        assertThat(elbv2("Type: network\nLoadBalancerAttributes: !If [Prod, "
                + "[{Key: load_balancing.cross_zone.enabled, Value: 'true'}], !Ref AWS::NoValue]\n")).isEmpty();
        assertThat(elbv2("Type: network\nLoadBalancerAttributes: [!If [Prod, "
                + "{Key: load_balancing.cross_zone.enabled, Value: 'true'}, !Ref AWS::NoValue]]\n")).isEmpty();
        assertThat(elbv2("Type: network\nLoadBalancerAttributes: [{Key: !Ref Cross, Value: 'true'}]\n")).isEmpty();
    }
}
