package dev.resilint.infra.snapshot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A summary snapshot of the whole analyzer over the real templates in {@code ../shared/corpus}
 * (beside the repository, as for {@code cfn/CorpusTest}), compared with
 * {@code src/test/resources/snapshots/corpus-summary.json}. Skipped when the corpus is absent. The
 * snapshot is of that corpus, so {@code -Dresilint.corpus} (which points {@code CorpusTest}
 * elsewhere) does not move it.
 *
 * <p>The summary is small enough to commit but fails on any change of a finding's rule id,
 * resource or line: per file that has findings or problems, one compact line per finding
 * ({@code ruleId resourceId line}, with {@code suppressed} appended when a suppression accepts it)
 * and per input problem ({@code problem line:column message}), sorted by line; then totals.
 * Messages, columns and logical paths are left to the example snapshots and the rule tests.
 */
class CorpusSummarySnapshotTest {

    private static final Path SNAPSHOT = Snapshots.ROOT.resolve("corpus-summary.json");

    /** {@code ../shared/corpus} relative to the repository root, seen from the module directory. */
    static Path corpus() {
        return Path.of("..", "..", "shared", "corpus").toAbsolutePath().normalize();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void corpusFindingsMatchTheSummary() {
        Path corpus = corpus();
        assumeTrue(Files.isDirectory(corpus), "corpus not present at " + corpus);
        SnapshotRun run = SnapshotRun.of(List.of(corpus), corpus);
        Snapshots.assertMatches(SNAPSHOT, summary(run, corpus));
    }

    /** The summary as JSON: totals, findings by rule id, and the compact lines per file. */
    static String summary(SnapshotRun run, Path corpus) {
        Map<String, List<Line>> byFile = new TreeMap<>();
        Map<String, Integer> byRule = new TreeMap<>();
        for (Finding f : run.active()) {
            add(byFile, f, "");
            byRule.merge(f.ruleId(), 1, Integer::sum);
        }
        for (Finding f : run.suppressed()) {
            add(byFile, f, " suppressed");
        }
        String prefix = corpus + "/";
        for (Problem p : run.problems()) {
            String message = p.message().replace(prefix, ""); // paths in messages, relative as the files are
            String rule = p.ruleId().isEmpty() ? "" : p.ruleId() + " ";
            String text = "problem " + p.line() + ":" + p.column() + " " + rule + message;
            byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(new Line(p.line(), text));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("templates", run.files().stream().distinct().count());
        summary.put("findings", run.active().size());
        summary.put("suppressed", run.suppressed().size());
        summary.put("problems", run.problems().size());
        summary.put("findingsByRule", byRule);
        Map<String, List<String>> files = new LinkedHashMap<>();
        byFile.forEach((file, lines) -> files.put(file, lines.stream()
                .sorted(Comparator.comparingInt(Line::line).thenComparing(Line::text)).map(Line::text).toList()));
        summary.put("files", files);
        return Snapshots.json(summary);
    }

    private static void add(Map<String, List<Line>> byFile, Finding f, String suffix) {
        String resource = f.location().subject().isEmpty() ? "-" : f.location().subject(); // - for the template
        byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(new Line(f.location().line(),
                f.ruleId() + " " + resource + " " + f.location().line() + suffix));
    }

    /** One compact line of a file's summary and the template line it sorts by. */
    private record Line(int line, String text) {
    }
}
