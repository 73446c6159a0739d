package dev.resilint.infra.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/README.md} tells the truth: the flawed twin has exactly the findings its table
 * of deliberate problems lists, the fixed twin has none, and both carry the one accepted
 * (suppressed) finding. This reads the analysis itself, not the snapshots, so that updating a
 * snapshot cannot quietly accept a regression in the examples.
 */
class ExamplesReadmeTest {

    private static final Pattern COUNTS = Pattern.compile("(\\d+) problems, (\\d+) findings");

    /** The README's table of deliberate problems, one {@code template resource rule} per finding. */
    private static List<String> listedProblems() throws IOException {
        String readme = Files.readString(ExamplesSnapshotTest.EXAMPLES.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## The deliberate problems"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        List<String> findings = new ArrayList<>();
        String template = "";
        for (String line : section.lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("| template ")) {
                continue; // prose, the header and the |---| separator
            }
            String[] cells = line.split("\\|");
            String file = cells[1].strip().replace("`", "");
            template = file.isEmpty() ? template : file;
            String resource = cells[2].strip().replace("`", "");
            for (String rule : cells[3].split(",")) {
                findings.add("flawed/" + template + " " + resource + " " + rule.strip());
            }
        }
        // "18 problems, 20 findings": a problem seen by two rules is one problem, two findings
        Matcher counts = COUNTS.matcher(section);
        assertThat(counts.find()).as("the README says how many findings the problems give").isTrue();
        assertThat(findings).as("findings listed").hasSize(Integer.parseInt(counts.group(2)));
        return findings;
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.location().file() + " " + f.location().subject() + " " + f.ruleId())
                .toList();
    }

    @Test
    void flawedTwinHasExactlyTheListedProblems() throws IOException {
        SnapshotRun run = SnapshotRun.of(List.of(Path.of("flawed")), ExamplesSnapshotTest.EXAMPLES);
        assertThat(run.problems()).isEmpty();
        assertThat(describe(run.active())).containsExactlyInAnyOrderElementsOf(listedProblems());
    }

    @Test
    void fixedTwinHasNoFindings() {
        SnapshotRun run = SnapshotRun.of(List.of(Path.of("fixed")), ExamplesSnapshotTest.EXAMPLES);
        assertThat(run.problems()).isEmpty();
        assertThat(run.files()).hasSize(4);
        assertThat(describe(run.active())).isEmpty();
    }

    @Test
    void bothTwinsCarryTheAcceptedFinding() {
        // "The accepted finding" in the README: CustomerOrdersViewTable's DR03, suppressed in both twins
        for (String twin : List.of("flawed", "fixed")) {
            SnapshotRun run = SnapshotRun.of(List.of(Path.of(twin)), ExamplesSnapshotTest.EXAMPLES);
            assertThat(describe(run.suppressed())).containsExactly(twin + "/data.yaml CustomerOrdersViewTable DR03");
        }
    }
}
