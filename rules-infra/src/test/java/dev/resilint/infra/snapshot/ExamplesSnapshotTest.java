package dev.resilint.infra.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One snapshot per template of {@code examples/} ({@code flawed/*.yaml} and {@code fixed/*.yaml}):
 * the whole analyzer with every rule runs over the template, with {@code examples/} as working
 * directory, and its findings must equal
 * {@code src/test/resources/snapshots/examples/<twin>/<name>.json}. A snapshot lists the findings
 * that count (a template's own suppressions applied, as {@code resilint check} does), so a clean
 * template has an empty array; {@link ExamplesReadmeTest} checks them against the README.
 */
class ExamplesSnapshotTest {

    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final Path SNAPSHOTS = Snapshots.ROOT.resolve("examples");
    private static final List<String> TWINS = List.of("flawed", "fixed");

    /** The templates, as paths relative to {@code examples/} with {@code /} separators, sorted. */
    static Stream<String> templates() throws IOException {
        List<String> names = new ArrayList<>();
        for (String twin : TWINS) {
            try (Stream<Path> files = Files.list(EXAMPLES.resolve(twin))) {
                files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                        .forEach(p -> names.add(twin + "/" + p.getFileName()));
            }
        }
        return names.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void findingsMatchTheSnapshot(String template) {
        SnapshotRun run = SnapshotRun.of(List.of(Path.of(template)), EXAMPLES);
        assertThat(run.problems()).as("input problems of " + template).isEmpty();
        assertThat(run.files()).containsExactly(template);
        assertThat(run.active()).extracting(f -> f.location().file()).allMatch(template::equals);
        Snapshots.assertMatches(snapshotOf(template), snapshot(run.active()));
    }

    @Test
    void everySnapshotHasItsTemplate() throws IOException {
        List<String> templates = templates().toList();
        for (String twin : TWINS) {
            Path dir = SNAPSHOTS.resolve(twin);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path snapshot : files.sorted().toList()) {
                    String name = snapshot.getFileName().toString();
                    String template = twin + "/" + name.replaceFirst("\\.json$", ".yaml");
                    if (!name.endsWith(".json") || !templates.contains(template)) {
                        Snapshots.assertNoOrphan(snapshot, "examples/" + template + " does not exist");
                    }
                }
            }
        }
    }

    static Path snapshotOf(String template) {
        return SNAPSHOTS.resolve(template.replaceFirst("\\.yaml$", ".json"));
    }

    /** The findings as a JSON array, sorted by place, then rule id, logical path and message. */
    static String snapshot(List<Finding> findings) {
        List<Map<String, Object>> entries = findings.stream()
                .sorted(Comparator.comparingInt((Finding f) -> f.location().line())
                        .thenComparingInt(f -> f.location().column())
                        .thenComparing(Finding::ruleId)
                        .thenComparing(f -> template(f).logicalPath())
                        .thenComparing(Finding::message))
                .map(ExamplesSnapshotTest::entry).toList();
        return Snapshots.json(entries);
    }

    private static Map<String, Object> entry(Finding f) {
        Location.Template loc = template(f);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("ruleId", f.ruleId());
        entry.put("severity", f.severity().label());
        entry.put("resourceId", loc.resourceId());
        entry.put("logicalPath", loc.logicalPath());
        entry.put("line", loc.line());
        entry.put("column", loc.column());
        entry.put("message", f.message());
        return entry;
    }

    private static Location.Template template(Finding f) {
        if (f.location() instanceof Location.Template t) {
            return t;
        }
        throw new AssertionError("not a template location: " + f.location());
    }
}
