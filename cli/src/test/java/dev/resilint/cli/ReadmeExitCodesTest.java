package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.report.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's "Exit codes" section says what {@link ExitCodes} defines, row for row. */
class ReadmeExitCodesTest {

    private static final String HEADING = "### Exit codes";

    private static String readme() throws Exception {
        return Files.readString(Path.of("..", "README.md"));
    }

    /** The rows of the first table after the heading, as {@code code | meaning}. */
    static List<String> tableRows(String readme) {
        int section = readme.indexOf(HEADING);
        assertThat(section).as("README.md has a '%s' section", HEADING).isNotNegative();
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.substring(section + HEADING.length()).lines().toList()) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = line.split("\\|", -1);
                String first = cells.length > 1 ? cells[1].trim() : "";
                if (first.equals("code") || first.startsWith("---")) {
                    continue; // header and separator
                }
                List<String> values = new ArrayList<>();
                for (int i = 1; i < cells.length - 1; i++) {
                    values.add(cells[i].trim());
                }
                rows.add(String.join(" | ", values));
            } else if (inTable || line.startsWith("#")) {
                break;
            }
        }
        return rows;
    }

    private static List<String> expectedRows() {
        return ExitCodes.all().stream().map(c -> c.code() + " | " + c.description()).toList();
    }

    @Test
    void tableListsEveryCodeWithItsMeaning() throws Exception {
        List<String> expected = expectedRows();
        String fix = expected.stream().map(r -> "| " + r + " |").collect(Collectors.joining("\n"));
        assertThat(tableRows(readme()))
                .as("README.md's '%s' table must list dev.resilint.core.report.ExitCodes.Code, in numeric order "
                        + "and with the same words; ExitCodes is the source, so change it there if the meaning "
                        + "changed, then replace the table's rows with:%n%s%n", HEADING, fix)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void sectionStatesThePrecedence() throws Exception {
        String readme = readme();
        int section = readme.indexOf(HEADING);
        String text = readme.substring(section, readme.indexOf("\n## ", section));
        assertThat(text).as("README.md's '%s' section must state the precedence of ExitCodes as `%s`", HEADING,
                ExitCodes.precedenceRule()).contains("`" + ExitCodes.precedenceRule() + "`");
    }

    @Test
    void parsesTheTableOnly() {
        String sample = "intro\n### Exit codes\n\n| code | meaning |\n|---|---|\n| 0 | fine |\n| 7 | odd |\n\n"
                + "| x | y |\n";
        assertThat(tableRows(sample)).containsExactly("0 | fine", "7 | odd");
    }
}
