package dev.resilint.infra.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import org.junit.jupiter.api.Test;

/** The registry holds every wave 1 infrastructure rule exactly once. */
class InfraRulesTest {

    @Test
    void everyWaveOneRuleIsRegisteredOnce() {
        RuleCatalog catalog = new RuleCatalog(InfraRules.metadata()); // throws on a repeated id or name
        assertThat(catalog.rules()).extracting(RuleMetadata::id).containsExactly(
                "AZ01", "AZ02", "AZ03", "AZ04", "AZ05", "AZ06", "AZ07", "AZ08", "AZ09", "AZ10",
                "AZ11", "AZ12", "AZ13", "CA01", "CA02", "DP01", "DP02", "DR01", "DR02",
                "DR03", "DR04", "LB01", "LB02", "LB03", "MQ01", "MQ03", "MQ07", "OB01", "SC01", "TO02");
        assertThat(InfraRules.all()).hasSize(30);
    }

    @Test
    void theAzRulesHaveTheirNames() {
        assertThat(InfraRules.all()).filteredOn(r -> r.id().startsWith("AZ")).extracting(r -> r.metadata().name())
                .containsExactly("AutoScalingGroupSingleAz", "LoadBalancerSingleAz", "LoadBalancerAsgZoneMismatch",
                        "RdsInstanceNotMultiAz", "AuroraClusterSingleInstance", "ElastiCacheNoFailover",
                        "LambdaVpcSingleAz", "EcsServiceSingleAz", "OpenSearchNoZoneAwareness", "MqBrokerSingleInstance",
                        "EfsSingleAz", "NatGatewayAzDependence", "HardcodedAvailabilityZone");
    }
}
