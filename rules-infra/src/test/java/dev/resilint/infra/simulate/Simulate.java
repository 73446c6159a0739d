package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.Fixtures;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the simulation over inline templates or template files, as the command line does. */
final class Simulate {

    /** Two subnets, in az[0] and az[1], and one more in az[0], for inline templates. */
    static final String SUBNETS = """
              SubnetA:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
              SubnetB:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [1, !GetAZs '']}
              SubnetA2:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: vpc-1, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
            """;

    private Simulate() {
    }

    /** The one stack of an inline template whose {@code Resources} are {@link #SUBNETS} and {@code resources}. */
    static StackSimulation stack(String resources) {
        return stack("", resources);
    }

    /** As {@link #stack(String)}, with template sections ({@code Parameters}, ...) before {@code Resources}. */
    static StackSimulation stack(String sections, String resources) {
        String yaml = "AWSTemplateFormatVersion: '2010-09-09'\n" + sections + "Resources:\n" + SUBNETS
                + resources.stripIndent().indent(2);
        Simulation simulation = ZoneFailureSimulation.run(List.of(Scope.of(Fixtures.graph(yaml))));
        assertThat(simulation.stacks()).hasSize(1);
        return simulation.stacks().get(0);
    }

    /** The only tier of a stack. */
    static Tier only(StackSimulation stack) {
        assertThat(stack.tiers()).hasSize(1);
        return stack.tiers().get(0);
    }

    /** The tier named {@code name}. */
    static Tier tier(StackSimulation stack, String name) {
        return stack.tiers().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tier " + name + " in " + stack.tiers()));
    }

    /** The simulation of template files and directories below {@code dir}, as {@code resilint simulate} runs it. */
    static Simulation files(Path dir, String... inputs) {
        List<Scope> scopes = new ArrayList<>();
        Results results = new CloudFormationAnalyzer(List.of(), b -> scopes.add(new Scope(b.graph(), b.parent(),
                b.exports()))).analyze(new AnalysisRequest(List.of(inputs).stream().map(Path::of).toList(), dir,
                Config.defaults(), List.of()));
        assertThat(results.problems()).isEmpty();
        return ZoneFailureSimulation.run(scopes);
    }

    /** The stack named {@code name}. */
    static StackSimulation stack(Simulation simulation, String name) {
        return simulation.stacks().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no stack " + name + " in " + simulation.stacks().stream()
                        .map(StackSimulation::name).toList()));
    }
}
