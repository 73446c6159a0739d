package dev.resilint.infra.rules.dp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsWithoutCircuitBreakerTest {

    /** The marker for a finding on the service's Properties key (line 8), the nearest parent of a missing key. */
    private static final String ON_PROPERTIES = "  # expect DP01";

    private static List<Finding> check(String properties) {
        return check("", properties);
    }

    /** The findings for a service with {@code properties} (from line 10), {@code marker} on its Properties line. */
    private static List<Finding> check(String marker, String properties) {
        return Expect.findings(new EcsWithoutCircuitBreaker(), """
                Parameters:
                  Flag: {Type: String}
                Conditions:
                  Prod: !Equals [!Ref Flag, prod]
                Resources:
                  Service:
                    Type: AWS::ECS::Service
                    Properties:%s
                      TaskDefinition: task-arn
                """.formatted(marker) + properties.indent(6));
    }

    @Test
    void firesWithoutACircuitBreakerAndPointsAtTheNearestParent() {
        assertThat(check(ON_PROPERTIES, "")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DP01");
            assertThat(f.message()).isEqualTo("ECS service Service has no deployment circuit breaker, so a release "
                    + "whose tasks never become healthy is neither stopped nor rolled back; set "
                    + "DeploymentConfiguration.DeploymentCircuitBreaker to {Enable: true, Rollback: true}");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath())
                    .isEqualTo("Resources/Service/Properties/DeploymentConfiguration/DeploymentCircuitBreaker");
        });
        assertThat(check("DeploymentConfiguration: {MaximumPercent: 200}  # expect DP01\n")).hasSize(1);
    }

    @Test
    void firesWhenOffOrWithoutRollbackAndPointsAtTheBreaker() {
        assertThat(check("""
                DeploymentController: {Type: ECS}
                DeploymentConfiguration:
                  DeploymentCircuitBreaker: {Enable: true, Rollback: false}  # expect DP01
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("does not roll back (Rollback: false)");
                    assertThat(f.location().column()).isEqualTo(9);
                });
        assertThat(check("DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: false, Rollback: true}}"
                + "  # expect DP01\n"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("off (Enable: false)"));
        assertThat(check("DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true}}  # expect DP01\n"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("Rollback is not set"));
        assertThat(check("DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: !Ref Flag, Rollback: false}}"
                + "  # expect DP01\n")).hasSize(1);
    }

    @Test
    void quietWithACircuitBreakerThatRollsBack() {
        assertThat(check("DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}\n"))
                .isEmpty();
        assertThat(check("DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: 'true', Rollback: 'True'}}\n"))
                .isEmpty();
    }

    @Test
    void quietForOtherDeploymentControllers() {
        assertThat(check("DeploymentController: {Type: CODE_DEPLOY}\n")).isEmpty();
        assertThat(check("DeploymentController: {Type: EXTERNAL}\n")).isEmpty();
    }

    @Test
    void quietWhenUnknown() {
        assertThat(check("DeploymentController: {Type: !Ref Flag}\n")).isEmpty();
        assertThat(check("DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: !Ref Flag, Rollback: true}}\n"))
                .isEmpty();
        assertThat(check("DeploymentConfiguration: !If [Prod, {DeploymentCircuitBreaker: {Enable: true, "
                + "Rollback: true}}, !Ref AWS::NoValue]\n")).isEmpty();
        assertThat(check("DeploymentConfiguration: !ImportValue deployment-config\n")).isEmpty();
    }

    @Test
    void skipsServicesThatAreNeverCreated() {
        assertThat(Fixtures.findings(new EcsWithoutCircuitBreaker(), """
                Conditions:
                  Never: !Equals [a, b]
                Resources:
                  Service:
                    Type: AWS::ECS::Service
                    Condition: Never
                    Properties: {TaskDefinition: task-arn}
                """)).isEmpty();
    }
}
