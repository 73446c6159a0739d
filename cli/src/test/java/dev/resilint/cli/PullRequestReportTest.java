package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown report of {@code check} as a pull request sees it: the AZ-failure verdict, table and
 * Mermaid diagram per stack (with {@code --new-since}, per changed stack), and the hint of where
 * the full report is.
 */
class PullRequestReportTest {

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

    private static final String TWO_ZONES = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              SubnetA:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
              SubnetB:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [1, !GetAZs '']}
              Api:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties: {MinSize: '2', MaxSize: '4', VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]}
            """;

    @TempDir
    Path repo;

    /** The text of the {@code mermaid} block after {@code heading}. */
    private static String diagramAfter(String md, String heading) {
        int at = md.indexOf(heading);
        assertThat(at).as(heading).isNotNegative();
        int start = md.indexOf("```mermaid\n", at);
        return md.substring(start, md.indexOf("```\n", start + 10));
    }

    @Test
    void theFlawedExampleShowsEachStacksVerdictAndItsDiagram() {
        Cli.Result r = new Cli(EXAMPLES).run("check", "--format", "markdown", "flawed");
        String md = r.out();
        assertThat(r.exitCode()).isEqualTo(1);
        int section = md.indexOf("### AZ-failure simulation\n\n");
        assertThat(section).isPositive().isLessThan(md.indexOf("<details>"));
        assertThat(md).contains("The loss of one Availability Zone, simulated for the stacks judged: 4 stacks: 2 do "
                + "not survive the loss of a zone, 2 survive. 1 of them has no zonal tiers and is not shown.");
        assertThat(md).contains("#### `flawed/network-and-web.yaml`\n\n**Does not survive**: does not survive the loss "
                + "of az\\[0\\]: WebAutoScalingGroup (all instances)\n");
        // stacks that do not survive come first
        assertThat(md.indexOf("#### `flawed/data.yaml`")).isLessThan(md.indexOf("#### `flawed/async.yaml`"));
        assertThat(md.indexOf("#### `flawed/network-and-web.yaml`")).isLessThan(md.indexOf("#### `flawed/async.yaml`"));
        String web = diagramAfter(md, "#### `flawed/network-and-web.yaml`");
        assertThat(web).startsWith("```mermaid\nflowchart LR\n  z0([\"az[0]\"])\n  z1([\"az[1]\"])\n")
                .contains("  t0[\"WebAutoScalingGroup<br/>loses all instances\"]:::lost\n")
                .contains("  t0 ==>|alone| z0\n").doesNotContain("t0 --> z1").doesNotContain("t0 ==>|alone| z1")
                .contains("  t1[\"LoadBalancer<br/>keeps capacity\"]:::survives\n")
                .contains("  t1 --> z0\n  t1 --> z1\n");
        String data = diagramAfter(md, "#### `flawed/data.yaml`");
        assertThat(data).contains("t0[\"OrdersDatabase<br/>loses single-AZ primary\"]:::lost")
                .contains("  t0 -.->|one of| z0\n  t0 -.->|one of| z1\n");
    }

    @Test
    void theFixedExampleSurvives() {
        String md = new Cli(EXAMPLES).run("check", "--format", "markdown", "fixed").out();
        assertThat(md).contains("4 stacks: 4 survive.").contains("**Survives**: survives the loss of any one zone")
                .doesNotContain(":::lost").doesNotContain("**Does not survive**");
    }

    @Test
    void unknownSubnetsAreUnknownInTheDiagramToo() throws IOException {
        Files.writeString(repo.resolve("unknown.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
                Resources:
                  Web:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {MinSize: '2', MaxSize: '4', VPCZoneIdentifier: !Ref Subnets}
                """);
        String md = new Cli(repo).run("check", "--format", "markdown", "unknown.yaml").out();
        assertThat(md).contains("**Unknown**: unknown: Web (VPCZoneIdentifier: a parameter without a default");
        assertThat(diagramAfter(md, "#### `unknown.yaml`")).contains(":::unknown").contains("-.->|unknown| zu")
                .contains("zu([\"zone unknown\"])");
    }

    @Test
    void otherFormatsCarryNoSimulation() {
        Cli.Result r = new Cli(EXAMPLES).run("check", "--format", "text", "flawed");
        assertThat(r.out()).doesNotContain("AZ-failure simulation");
    }

    @Test
    void withNewSinceOnlyTheChangedStacksGetAVerdict() throws Exception {
        assumeTrue(gitAvailable(), "git is needed for --new-since");
        Files.createDirectories(repo.resolve("infra"));
        Files.writeString(repo.resolve("infra/web.yaml"), SINGLE_ZONE);
        Files.writeString(repo.resolve("infra/api.yaml"), TWO_ZONES);
        git("init", "-q");
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        Files.writeString(repo.resolve("infra/api.yaml"), TWO_ZONES.replace("MaxSize: '4'", "MaxSize: '6'"));
        Files.writeString(repo.resolve("infra/new.yaml"), SINGLE_ZONE.replace("Web:", "Worker:"));

        Cli.Result r = new Cli(repo).run("check", "--new-since", "HEAD", "--format", "markdown", "infra");

        String md = r.out();
        assertThat(md).contains("simulated for the stacks changed since HEAD: 2 stacks: 1 does not survive the loss of "
                + "a zone, 1 survives.");
        assertThat(md).contains("#### `infra/new.yaml`").contains("#### `infra/api.yaml`")
                .doesNotContain("#### `infra/web.yaml`");
        assertThat(md.indexOf("#### `infra/new.yaml`")).isLessThan(md.indexOf("#### `infra/api.yaml`"));

        Cli.Result none = new Cli(repo).run("check", "--new-since", "HEAD", "--format", "markdown", "infra/web.yaml");
        assertThat(none.out()).doesNotContain("AZ-failure simulation");
    }

    @Test
    void theHintNamesTheOtherReportWritten() {
        List<dev.resilint.core.report.ReportWriter.Output> outputs = List.of(
                dev.resilint.core.report.ReportWriter.Output.toFile(dev.resilint.core.report.ReportFormat.MARKDOWN,
                        Path.of("r.md"), "r.md"),
                dev.resilint.core.report.ReportWriter.Output.toFile(dev.resilint.core.report.ReportFormat.SARIF,
                        Path.of("out/r.sarif"), "out/r.sarif"),
                dev.resilint.core.report.ReportWriter.Output.toFile(dev.resilint.core.report.ReportFormat.JSON,
                        Path.of("r.json"), "r.json"));
        assertThat(ReportingCommand.fullReportHint(null, outputs, "check")).isEqualTo("the JSON report `r.json`");
        assertThat(ReportingCommand.fullReportHint(null, outputs.subList(0, 2), "check"))
                .isEqualTo("the SARIF report `out/r.sarif`");
        assertThat(ReportingCommand.fullReportHint(null, outputs.subList(0, 1), "scan"))
                .isEqualTo("`resilint scan --format json` (or `--format sarif`) with the same options");
        assertThat(ReportingCommand.fullReportHint(" the code scanning results ", outputs, "check"))
                .isEqualTo("the code scanning results");
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
    }

    private static boolean gitAvailable() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
