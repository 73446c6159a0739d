package dev.resilint.cli;

import dev.resilint.core.report.ExitCodes;
import dev.resilint.core.report.Version;
import dev.resilint.core.run.Analyzers;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
        description = "Finds the failures-in-waiting in AWS workloads: single-AZ services, missing load balancing,"
            + " caches without TTLs, clients without timeouts, retries without jitter, queues without dead-letter"
            + " queues, deployments that cannot roll back.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  resilint check infra/                  judge every template below infra/",
            "  resilint check --format sarif --output-file resilint.sarif stacks/",
            "  resilint code target/classes --source-root src/main/java",
            "  resilint scan --region eu-west-1 --format json --output-file scan.json",
            "  resilint scan --organization --role-name R --shard 2/4 --format json -o shard-2.json",
            "  resilint merge shard-*.json --format markdown -o scan.md   one report of the 4 shards",
            "  resilint simulate examples/flawed        what the loss of one zone does to each stack",
            "  resilint explain AZ04                  why a rule matters and how to fix it"})
public final class Main implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them. They are registered in code, not in
     * the annotation, so that a run of one command builds only that command's model: picocli
     * reflects over every option of every registered command before it parses anything, which cost
     * a template check a fifth of its start-up.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CheckCommand.class,
            CodeCommand.class,
            ScanCommand.class,
            MergeCommand.class,
            SimulateCommand.class,
            RulesCommand.class,
            ExplainCommand.class,
            BaselineCommand.class,
            AutoComplete.GenerateCompletion.class);

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
        CommandLine cli = commandLine(env, invoked(args));
        return cli.execute(args);
    }

    /** The command line with every subcommand. */
    static CommandLine commandLine(Environment env) {
        return commandLine(env, SUBCOMMANDS);
    }

    /**
     * The subcommands a run with {@code args} needs: the one its first argument names exactly, or,
     * for anything else (no argument, an option such as {@code --help}, a misspelt command that
     * wants suggestions, {@code generate-completion}, which describes them all), every one.
     */
    static List<Class<?>> invoked(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (c != AutoComplete.GenerateCompletion.class
                        && (command.name().equals(args[0]) || List.of(command.aliases()).contains(args[0]))) {
                    return List.of(c);
                }
            }
        }
        return SUBCOMMANDS;
    }

    static CommandLine commandLine(Environment env, List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new Main(), new Factory(env));
        for (Class<?> c : subcommands) {
            cli.addSubcommand(c);
        }
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
            err.println("resilint: " + withoutErrorPrefix(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE_ERROR;
        });
        return cli;
    }

    /** picocli starts some messages (those of argument groups) with "Error: "; ours start with "resilint: ". */
    static String withoutErrorPrefix(String message) {
        return message != null && message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
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

    /**
     * The outside world of one invocation.
     *
     * @param in standard input ({@code resilint check -})
     */
    public record Environment(PrintWriter out, PrintWriter err, Path workingDirectory, Map<String, String> env,
            boolean terminal, Analyzers analyzers, InputStream in) {

        /** An environment whose standard input is empty. */
        public Environment(PrintWriter out, PrintWriter err, Path workingDirectory, Map<String, String> env,
                boolean terminal, Analyzers analyzers) {
            this(out, err, workingDirectory, env, terminal, analyzers, InputStream.nullInputStream());
        }

        public static Environment system() {
            return new Environment(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                    Path.of("").toAbsolutePath(), System.getenv(), System.console() != null, Wiring.analyzers(),
                    System.in);
        }

        String getenv(String name) {
            return env.get(name);
        }
    }
}
