package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `resilint simulate` end to end: verdicts, formats, exit codes, errors. */
class SimulateFlowTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    private static final String SINGLE_ZONE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              SubnetA:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
              Web:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties: {MinSize: '2', MaxSize: '4', VPCZoneIdentifier: [!Ref SubnetA]}
            """;

    private static final String UNKNOWN_SUBNETS = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
            Resources:
              Web:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties: {MinSize: '2', MaxSize: '4', VPCZoneIdentifier: !Ref Subnets}
            """;

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(dir);
        Files.writeString(dir.resolve("single.yaml"), SINGLE_ZONE);
        Files.writeString(dir.resolve("unknown.yaml"), UNKNOWN_SUBNETS);
    }

    @Test
    void theFlawedExampleDoesNotSurviveTheLossOfTheFirstZoneAndExitsOne() {
        Cli.Result r = new Cli(EXAMPLES).run("simulate", "flawed");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("flawed/network-and-web.yaml: does not survive the loss of az[0]: "
                + "WebAutoScalingGroup (all instances)\n");
        assertThat(r.out()).contains("flawed/data.yaml: does not survive the loss of the zone each runs in: "
                + "OrdersDatabase (single-AZ primary), SessionCache (single node)\n");
        assertThat(r.out()).endsWith("4 stacks: 2 do not survive the loss of a zone, 2 survive\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theFixedExampleSurvivesAndExitsZero() {
        Cli.Result r = new Cli(EXAMPLES).run("simulate", "fixed");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains("fixed/network-and-web.yaml: survives the loss of any one zone\n")
                .endsWith("4 stacks: 4 survive\n");
    }

    @Test
    void unknownSubnetsExitFourUnlessFailWhenUnknown() {
        Cli.Result r = cli.run("simulate", "unknown.yaml");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).startsWith("unknown.yaml: unknown: Web (VPCZoneIdentifier: a parameter without a default "
                + "(Ref Subnets))\n");
        assertThat(cli.run("simulate", "--fail-when", "unknown", "unknown.yaml").exitCode()).isEqualTo(1);
        assertThat(cli.run("simulate", "--fail-when", "never", "unknown.yaml", "single.yaml").exitCode()).isEqualTo(0);
        // the worst verdict decides
        assertThat(cli.run("simulate", "unknown.yaml", "single.yaml").exitCode()).isEqualTo(1);
    }

    @Test
    void jsonAndMarkdownGoToAFile() throws Exception {
        Cli.Result r = cli.run("simulate", "--format", "json", "--output-file", "az.json", "single.yaml");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("1 stack: 1 does not survive the loss of a zone\n");
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("az.json")));
        assertThat(json.path("stacks").get(0).path("summary").asText())
                .isEqualTo("does not survive the loss of az[0]: Web (all instances)");

        Cli.Result md = cli.run("simulate", "-f", "markdown", "single.yaml");
        assertThat(md.out()).startsWith("## AZ-failure simulation\n").contains("| Web | `AWS::AutoScaling::AutoScalingGroup` | "
                + "**loses everything** |");
    }

    @Test
    void userMistakesAreOneLineAndExitTwo() throws Exception {
        Cli.Result missing = cli.run("simulate", "nope.yaml");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("resilint: nope.yaml: no such file or directory\n");
        assertThat(missing.out()).isEmpty();

        Cli.Result format = cli.run("simulate", "--format", "sarif", "single.yaml");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).startsWith("resilint: Invalid value for option '--format'");

        Files.createDirectories(dir.resolve("empty"));
        Cli.Result empty = cli.run("simulate", "empty");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("resilint: empty: no CloudFormation template found in this directory "
                + "(no .yaml, .yml, .json or .template files)\n");

        Cli.Result unwritable = cli.run("simulate", "-o", "no/such/dir/az.txt", "single.yaml");
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(unwritable.err()).startsWith("resilint: --output-file no/such/dir/az.txt: cannot write").doesNotContain("\n\tat ");
    }

    @Test
    void helpListsTheFormatsTheFailureModesAndTheExitCodes() {
        Cli.Result r = cli.run("simulate", "--help");
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains("--fail-when=WHEN").contains("lost (default)").contains("text (default), json or markdown")
                .contains("  1   a stack does not survive the loss of a zone")
                .contains("  4   no stack provably fails, but the survival of some is unknown");
        assertThat(cli.run("--help").out()).contains("simulate");
    }
}
