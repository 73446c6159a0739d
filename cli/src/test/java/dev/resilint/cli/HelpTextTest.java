package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help, as {@code --help} prints it: no description is cut mid-sentence. picocli
 * lists a subcommand by the first element of its description and wraps each element on its own,
 * so each element must be whole sentences; the rendered "Commands:" summaries must end a sentence,
 * and no line may be longer than the usage width.
 */
class HelpTextTest {

    /** A sentence's end: a full stop (or ? !), perhaps followed by a closing quote or bracket. */
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.?!][\"')]*");

    private static final int WIDTH = 100;

    @Test
    void everyDescriptionElementIsWholeSentences() {
        List<String> cut = new ArrayList<>();
        for (CommandLine command : allCommands()) {
            CommandSpec spec = command.getCommandSpec();
            String name = spec.qualifiedName();
            check(cut, name, spec.usageMessage().description());
            for (ArgSpec arg : spec.args()) {
                check(cut, name + " " + (arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName()
                        : arg.paramLabel()), arg.description());
            }
        }
        assertThat(cut).as("description elements that do not end a sentence").isEmpty();
    }

    @Test
    void commandSummariesInHelpAreWholeSentences() {
        List<String> problems = new ArrayList<>();
        for (CommandLine command : allCommands()) {
            String name = command.getCommandSpec().qualifiedName();
            String help = help(command);
            for (String line : help.split("\n")) {
                if (line.length() > WIDTH) {
                    problems.add(name + ": line longer than " + WIDTH + ": " + line);
                }
            }
            for (String summary : commandSummaries(help)) {
                if (!SENTENCE_END.matcher(summary).matches()) {
                    problems.add(name + ": summary cut: " + summary);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void topLevelAndBaselineHelpListTheirCommandsInFull() {
        Cli cli = new Cli(Path.of("."));
        String top = cli.run("--help").out();
        assertThat(commandSummaries(top)).contains(
                "code Judge compiled Java code (class directories and jars) with the code rules.",
                "scan Judge live AWS accounts and regions, read only, with the same rules and ids as templates.");
        assertThat(commandSummaries(cli.run("baseline", "--help").out()))
                .contains("update Remove fixed findings from a baseline.");
    }

    /**
     * Each element ends a sentence; one that ends with a colon must introduce an indented example
     * (as picocli's own {@code generate-completion} does).
     */
    private static void check(List<String> cut, String where, String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].replace("%n", "").strip();
            boolean example = lines[i].startsWith(" "); // an indented command line, shown as is
            if (text.isEmpty() || example || SENTENCE_END.matcher(text).matches()) {
                continue;
            }
            if (text.endsWith(":") && introducesExample(lines, i + 1)) {
                continue;
            }
            cut.add(where + ": " + lines[i]);
        }
    }

    private static boolean introducesExample(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].replace("%n", "").isBlank()) {
                return lines[i].startsWith(" ");
            }
        }
        return false;
    }

    /** The entries of the "Commands:" section, each joined into one line: {@code name summary}. */
    static List<String> commandSummaries(String help) {
        List<String> entries = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.split("\n")) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands && line.startsWith("  ") && !line.startsWith("   ")) {
                entries.add(line.strip().replaceAll("\\s+", " "));
            } else if (inCommands && !entries.isEmpty()) {
                int last = entries.size() - 1;
                entries.set(last, entries.get(last) + " " + line.strip());
            }
        }
        return entries;
    }

    private static String help(CommandLine command) {
        StringWriter out = new StringWriter();
        command.usage(new PrintWriter(out, true));
        return out.toString().replace("\r\n", "\n");
    }

    private static List<CommandLine> allCommands() {
        StringWriter sink = new StringWriter();
        Main.Environment env = new Main.Environment(new PrintWriter(sink), new PrintWriter(sink), Path.of("."),
                Map.of(), false, Wiring.analyzers());
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(env), all);
        assertThat(all).hasSizeGreaterThan(8);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
    }
}
