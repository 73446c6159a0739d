package dev.resilint.cli;

import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.report.ExitCodes;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.BuiltTemplate;
import dev.resilint.infra.simulate.Scope;
import dev.resilint.infra.simulate.Simulation;
import dev.resilint.infra.simulate.SimulationJson;
import dev.resilint.infra.simulate.SimulationMarkdown;
import dev.resilint.infra.simulate.SimulationText;
import dev.resilint.infra.simulate.Verdict;
import dev.resilint.infra.simulate.ZoneFailureSimulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code resilint simulate PATH...}: what the loss of one Availability Zone does to each stack. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate the loss of one Availability Zone for each stack (a template and its nested stacks).",
            "For each tier (Auto Scaling groups, load balancers, ECS services, Lambda functions in a VPC, EC2 "
                + "instances, RDS instances and clusters, ElastiCache replication groups, EFS, NAT egress) it tells "
                + "whether it keeps its capacity, loses some of it or loses everything, zone by zone, with a verdict "
                + "per stack.",
            "Zones are symbolic (az[0] is !Select [0, !GetAZs '']); imports of exports of the templates named are "
                + "followed (they are taken to be deployed in one region).",
            "A placement that cannot be known is unknown, never safe.",
            "With --live, each region of the AWS accounts a scan reads is a stack, with named zones (eu-west-1a); "
                + "it takes scan's options for the accounts and regions, and what could not be read is unknown."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  resilint simulate examples/flawed",
            "  resilint simulate --format markdown --output-file az.md infra/",
            "  resilint simulate --fail-when unknown stacks/app.yaml",
            "  resilint simulate --live --region eu-west-1 --region us-east-1"})
final class SimulateCommand implements Callable<Integer>, Main.EnvironmentAware, Main.ExitCodeAware {

    /** When the command fails (exit code 1). */
    enum FailWhen {
        /** A stack does not survive the loss of some zone; unknown verdicts exit with 4. */
        LOST,
        /** A stack does not survive, or its survival is unknown. */
        UNKNOWN,
        /** Never: the simulation only reports. */
        NEVER
    }

    /** The output formats. */
    enum Format { TEXT, JSON, MARKDOWN }

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Template files and directories (searched for templates, as by check); none with --live.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--live", description = "Simulate live AWS accounts (read only, as 'resilint scan' reads them) "
            + "instead of templates: each account region is a stack.")
    boolean live;

    @Option(names = "--region", paramLabel = "REGION",
            description = "With --live: a region to read; repeat for several. Default: the SDK's region.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--all-regions", description = "With --live: every region enabled for each account.")
    boolean allRegions;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "With --live: the AWS profile to use.")
    String profile;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    ScanCommand.AccountSelection accounts;

    @Option(names = "--role-name", paramLabel = "NAME",
            description = "With --live: the role to assume in every account but the caller's.")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "With --live: the external id of the role.")
    String externalId;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json or markdown.")
    Format format;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
            description = "Write the simulation to FILE instead of standard output.")
    Path outputFile;

    @Option(names = "--fail-when", paramLabel = "WHEN", defaultValue = "lost",
            description = "lost (default): exit 1 when a stack does not survive the loss of some zone, and 4 "
                    + "when no stack does not survive but the survival of some is unknown; unknown: exit 1 in both "
                    + "cases; never: exit 0 whatever the verdicts.")
    FailWhen failWhen;

    private Main.Environment env;

    @Override
    public void setEnvironment(Main.Environment env) {
        this.env = env;
    }

    @Override
    public Set<ExitCodes.Code> exitCodes() {
        return EnumSet.allOf(ExitCodes.Code.class);
    }

    @Override
    public String describe(ExitCodes.Code code) {
        return switch (code) {
            case OK -> "every stack survives the loss of any one zone (always, with --fail-when never)";
            case FINDINGS -> "a stack does not survive the loss of a zone (with --fail-when unknown: or its "
                    + "survival is unknown)";
            case NOT_EVALUATED -> "no stack provably fails, but the survival of some is unknown (--fail-when lost)";
            default -> code.description();
        };
    }

    @Override
    public Integer call() {
        Simulation simulation = live ? LiveSimulation.run(this, env) : templates();
        if (simulation == null) {
            return ExitCodes.USAGE_ERROR;
        }
        String rendered = switch (format) {
            case TEXT -> SimulationText.render(simulation);
            case JSON -> SimulationJson.render(simulation);
            case MARKDOWN -> SimulationMarkdown.render(simulation);
        };
        if (outputFile == null) {
            env.out().print(rendered);
            env.out().flush();
        } else {
            Path file = env.workingDirectory().resolve(outputFile);
            try {
                Files.writeString(file, rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserException("--output-file " + outputFile + ": cannot write: " + e.getMessage());
            }
            env.err().println(SimulationText.summary(simulation));
            env.err().flush();
        }
        return exitCode(simulation.worst());
    }

    /** The simulation of the templates below {@code paths}; null after printing the inputs' problems. */
    private Simulation templates() {
        if (paths.isEmpty()) {
            throw new UserException("give the templates to simulate (PATH...), or --live for AWS accounts");
        }
        for (String[] option : new String[][] {{"--region", regions.isEmpty() ? null : "x"},
                {"--all-regions", allRegions ? "x" : null}, {"--profile", profile},
                {"--accounts or --organization", accounts == null ? null : "x"}, {"--role-name", roleName},
                {"--external-id", externalId}}) {
            if (option[1] != null) {
                throw new UserException(option[0] + " needs --live");
            }
        }
        List<Scope> scopes = new ArrayList<>();
        Results results = Wiring.templateGraphs(built -> scopes.add(scope(built))).analyze(
                new AnalysisRequest(paths, env.workingDirectory(), Config.defaults(), List.of()));
        if (!results.problems().isEmpty()) {
            for (Problem p : results.problems()) {
                env.err().println("resilint: " + p.display());
            }
            env.err().flush();
            return null;
        }
        if (scopes.isEmpty()) {
            throw new UserException("no CloudFormation template found in " + String.join(", ",
                    paths.stream().map(Path::toString).toList()));
        }
        return ZoneFailureSimulation.run(scopes);
    }

    private int exitCode(Verdict.Kind worst) {
        return switch (failWhen) {
            case NEVER -> ExitCodes.OK;
            case UNKNOWN -> worst == Verdict.Kind.SURVIVES ? ExitCodes.OK : ExitCodes.FINDINGS;
            case LOST -> switch (worst) {
                case SURVIVES -> ExitCodes.OK;
                case UNKNOWN -> ExitCodes.NOT_EVALUATED;
                case DOES_NOT_SURVIVE -> ExitCodes.FINDINGS;
            };
        };
    }

    /** A template as the simulation takes it: its graph, the stack that nests it, its exports. */
    static Scope scope(BuiltTemplate built) {
        return new Scope(built.graph(), built.parent(), built.exports());
    }
}
