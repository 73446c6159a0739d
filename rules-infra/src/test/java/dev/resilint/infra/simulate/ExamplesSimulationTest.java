package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The simulation of the orders service in {@code examples/}: the flawed twin loses zones, the fixed one does not. */
class ExamplesSimulationTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @Test
    void theFlawedWebTierDoesNotSurviveTheLossOfTheFirstZone() {
        Simulation simulation = Simulate.files(EXAMPLES, "flawed");
        StackSimulation web = Simulate.stack(simulation, "flawed/network-and-web.yaml");
        assertThat(web.verdict().kind()).isEqualTo(Verdict.Kind.DOES_NOT_SURVIVE);
        assertThat(web.verdict().text()).isEqualTo("does not survive the loss of az[0]: WebAutoScalingGroup (all instances)");
        assertThat(web.zones()).containsExactly("az[0]", "az[1]");
        Tier asg = Simulate.tier(web, "WebAutoScalingGroup");
        assertThat(web.outcome(asg, "az[0]")).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(web.outcome(asg, "az[1]")).isEqualTo(Outcome.SURVIVES);
        Tier lb = Simulate.tier(web, "LoadBalancer");
        assertThat(web.outcome(lb, "az[0]")).isEqualTo(Outcome.LOSES_CAPACITY);
        // one NAT gateway per zone, each zone's private subnet through its own
        Tier nat = Simulate.tier(web, "NAT egress");
        assertThat(web.outcome(nat, "az[0]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(web.outcome(nat, "az[1]")).isEqualTo(Outcome.LOSES_CAPACITY);
    }

    @Test
    void theFlawedDataTierLosesItsDatabaseAndCacheWithTheirZone() {
        Simulation simulation = Simulate.files(EXAMPLES, "flawed");
        StackSimulation data = Simulate.stack(simulation, "flawed/data.yaml");
        assertThat(data.verdict().kind()).isEqualTo(Verdict.Kind.DOES_NOT_SURVIVE);
        assertThat(data.verdict().text()).isEqualTo("does not survive the loss of the zone each runs in: "
                + "OrdersDatabase (single-AZ primary), SessionCache (single node)");
        // the subnet groups import the network stack's private subnets, which it puts in az[0] and az[1]
        assertThat(Simulate.tier(data, "OrdersDatabase").placement().note())
                .isEqualTo("single-AZ primary: AWS picks one of az[0], az[1] (DatabaseSubnetGroup)");
        assertThat(data.zones()).containsExactly("az[0]", "az[1]");
    }

    @Test
    void theRestOfTheFlawedTwinSurvives() {
        Simulation simulation = Simulate.files(EXAMPLES, "flawed");
        assertThat(Simulate.stack(simulation, "flawed/async.yaml").verdict().kind()).isEqualTo(Verdict.Kind.SURVIVES);
        assertThat(Simulate.stack(simulation, "flawed/edge.yaml").verdict().text())
                .isEqualTo("survives the loss of any one zone (no zonal tiers)");
        assertThat(simulation.worst()).isEqualTo(Verdict.Kind.DOES_NOT_SURVIVE);
    }

    @Test
    void everyStackOfTheFixedTwinSurvivesTheLossOfAnyOneZone() {
        Simulation simulation = Simulate.files(EXAMPLES, "fixed");
        assertThat(simulation.stacks()).hasSize(4).allSatisfy(s -> {
            assertThat(s.verdict().kind()).as(s.name()).isEqualTo(Verdict.Kind.SURVIVES);
            assertThat(s.verdict().text()).startsWith("survives the loss of any one zone");
        });
        StackSimulation web = Simulate.stack(simulation, "fixed/network-and-web.yaml");
        assertThat(web.outcome(Simulate.tier(web, "WebAutoScalingGroup"), "az[0]")).isEqualTo(Outcome.LOSES_CAPACITY);
        // the Fargate service's subnets are imports of the network stack's exports
        StackSimulation async = Simulate.stack(simulation, "fixed/async.yaml");
        assertThat(Simulate.tier(async, "ShipmentTrackerService").placement().note()).isEqualTo("Subnets: az[0], az[1]");
    }

    @Test
    void withoutTheStackThatExportsThemImportedSubnetsAreUnknown() {
        Simulation simulation = Simulate.files(EXAMPLES, "fixed/async.yaml");
        StackSimulation async = simulation.stacks().get(0);
        assertThat(async.verdict().kind()).isEqualTo(Verdict.Kind.UNKNOWN);
        assertThat(async.verdict().text()).isEqualTo("unknown: ShipmentTrackerService (Subnets: a value imported "
                + "from another stack (export orders-private-subnet-a is not defined by the templates simulated))");
        assertThat(async.zones()).containsExactly(StackSimulation.ANY_ZONE);

        StackSimulation data = Simulate.files(EXAMPLES, "flawed/data.yaml").stacks().get(0);
        assertThat(data.verdict().kind()).isEqualTo(Verdict.Kind.DOES_NOT_SURVIVE);
        assertThat(data.outcome(Simulate.tier(data, "OrdersDatabase"), StackSimulation.ANY_ZONE))
                .isEqualTo(Outcome.LOSES_EVERYTHING);
    }
}
