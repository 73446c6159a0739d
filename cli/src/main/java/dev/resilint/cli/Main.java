package dev.resilint.cli;

import dev.resilint.core.report.ExitCodes;
import dev.resilint.core.report.Version;
import dev.resilint.core.run.Analyzers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code resilint} command. */
@Command(name = "resilint",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Finds the failures-in-waiting in AWS workloads: single-AZ services, missing load balancing,",
            "caches without TTLs, clients without timeouts, retries without jitter, queues without",
            "dead-letter queues, deployments that cannot roll back."},
        subcommands = {
            CheckCommand.class,
            CodeCommand.class,
            ScanCommand.class,
            MergeCommand.class,
            RulesCommand.class,
            ExplainCommand.class,
            BaselineCommand.class,
            AutoComplete.GenerateCompletion.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  resilint check infra/                  judge every template below infra/",
            "  resilint check --format sarif --output-file resilint.sarif stacks/",
            "  resilint code target/classes --source-root src/main/java",
            "  resilint scan --region eu-west-1 --format json --output-file scan.json",
            "  resilint scan --organization --role-name R --shard 2/4 --format json -o shard-2.json",
            "  resilint merge shard-*.json --format markdown -o scan.md   one report of the 4 shards",
            "  resilint explain AZ04                  why a rule matters and how to fix it"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command; try 'resilint check PATH'");
    }

    public static void main(String[] args) {
        // picocli otherwise looks for Groovy closures on the class path; the miss would open the AWS
        // SDK's jar (lib/resilint-aws-sdk.jar) on every start
        System.setProperty("picocli.disable.closures", "true");
        Environment env = Environment.system();
        int code = execute(args, env);
        env.out().flush();
        env.err().flush();
        System.exit(code);
    }

    /** Runs the command line in {@code env}; returns the exit code. Used by tests too. */
    public static int execute(String[] args, Environment env) {
        CommandLine cli = commandLine(env);
        return cli.execute(args);
    }

    static CommandLine commandLine(Environment env) {
        CommandLine cli = new CommandLine(new Main(), new Factory(env));
        cli.setOut(env.out());
        cli.setErr(env.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(false);
        cli.setUsageHelpWidth(100);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        listExitCodes(cli);
        listSubcommandExitCodes(cli);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserException user) {
                commandLine.getErr().println("resilint: " + user.getMessage());
                return user.exitCode();
            }
            commandLine.getErr().println("resilint: internal error: " + ex);
            if (env.getenv("RESILINT_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set RESILINT_DEBUG=1 for a stack trace, and please report it)");
            }
            return ExitCodes.INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println("resilint: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE_ERROR;
        });
        return cli;
    }

    /**
     * Lists the exit codes, as {@link ExitCodes} defines them, in the {@code --help} of the root
     * command (every code) and of each subcommand that can end with more than success or a usage
     * error ({@link ExitCodeAware}: those it can end with).
     */
    static void listExitCodes(CommandLine root) {
        listExitCodes(root, EnumSet.allOf(ExitCodes.Code.class), ExitCodes.Code::description);
    }

    private static void listExitCodes(CommandLine command, Set<ExitCodes.Code> codes,
            Function<ExitCodes.Code, String> describe) {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCodes.Code code : ExitCodes.all()) {
            if (codes.contains(code)) {
                list.put(Integer.toString(code.code()), describe.apply(code));
            }
        }
        command.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes (when several apply, the first of " + ExitCodes.precedenceRule(codes)
                        + " wins):%n")
                .exitCodeList(list);
    }

    private static void listSubcommandExitCodes(CommandLine command) {
        for (CommandLine sub : new LinkedHashSet<>(command.getSubcommands().values())) {
            if (sub.getCommand() instanceof ExitCodeAware aware) {
                listExitCodes(sub, aware.exitCodes(), aware::describe);
            }
            listSubcommandExitCodes(sub);
        }
    }

    /** A command whose {@code --help} lists the exit codes it can end with. */
    interface ExitCodeAware {
        /** The exit codes the command can end with. */
        Set<ExitCodes.Code> exitCodes();

        /** What {@code code} means for this command: by default what it means for every command. */
        default String describe(ExitCodes.Code code) {
            return code.description();
        }
    }

    /** Gives commands the environment (streams, working directory, analyzers). */
    private record Factory(Environment env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (EnvironmentAware.class.isAssignableFrom(cls)) {
                K instance = CommandLine.defaultFactory().create(cls);
                ((EnvironmentAware) instance).setEnvironment(env);
                return instance;
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"resilint " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    /** Commands that need the environment implement this. */
    interface EnvironmentAware {
        void setEnvironment(Environment env);
    }

    /** The outside world of one invocation. */
    public record Environment(PrintWriter out, PrintWriter err, Path workingDirectory, Map<String, String> env,
            boolean terminal, Analyzers analyzers) {

        public static Environment system() {
            return new Environment(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                    Path.of("").toAbsolutePath(), System.getenv(), System.console() != null, Wiring.analyzers());
        }

        String getenv(String name) {
            return env.get(name);
        }
    }
}
