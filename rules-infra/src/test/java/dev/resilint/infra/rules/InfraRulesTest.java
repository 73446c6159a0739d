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
                "AZ01", "AZ02", "AZ03", "AZ04", "AZ05", "AZ06", "AZ07", "AZ08", "AZ09", "AZ10", "AZ11", "AZ12",
                "AZ13", "CA01", "CA02", "CA03", "CA04", "CA05", "DP01", "DP02", "DP03", "DP04", "DP05", "DR01",
                "DR02", "DR03", "DR04", "DR05", "DR06", "LB01", "LB02", "LB03", "LB04", "LB05", "LB06", "MQ01",
                "MQ02", "MQ03", "MQ04", "MQ05", "MQ06", "MQ07", "MQ08", "OB01", "OB02", "OB03", "SC01", "SC02",
                "SC03", "SC04", "SC05", "TO01", "TO02");
        assertThat(InfraRules.all()).hasSize(53);
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
