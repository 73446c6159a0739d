package dev.resilint.infra;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.rules.InfraRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings marked in the YAML fixture itself: a trailing comment {@code # expect AZ01} on a line
 * says that a finding of AZ01 points at that line (the line of the key it names), and
 * {@code # expect AZ01 AZ03} that two do (a repeated id, two findings of that rule). The helpers
 * run a rule or the analyzer over the fixture and fail unless the findings are exactly at the
 * marked lines with the marked ids: nothing missing, nothing extra. A fixture without markers
 * expects no finding.
 *
 * <pre>{@code
 * Expect.findings(new AutoScalingGroupSingleAz(), """
 *         Resources:
 *           Group:
 *             Type: AWS::AutoScaling::AutoScalingGroup
 *             Properties:
 *               VPCZoneIdentifier: [!Ref A]  # expect AZ01
 *         """);
 * }</pre>
 *
 * <p>A marker is a YAML comment, so it cannot go inside a block scalar ({@code |}, {@code >}),
 * where {@code #} is text.
 */
public final class Expect {

    /** {@code # expect} after a space or at the start of a line, as YAML writes comments. */
    private static final Pattern MARKER = Pattern.compile("(?:^|\\s)#\\s*expect\\b(.*)$");
    private static final Pattern IDS = Pattern.compile("(?:\\s+[A-Z]+[0-9]+)+\\s*");

    private Expect() {
    }

    /**
     * Runs {@code rule} over {@code yaml} with the default configuration (as
     * {@link Fixtures#findings}) and asserts the findings against the markers.
     *
     * @return the findings, sorted, for further assertions (messages, logical paths, columns)
     */
    public static List<Finding> findings(InfraRule rule, String yaml) {
        return matching(yaml, Fixtures.findings(rule, yaml));
    }

    /**
     * Writes {@code yaml} as {@code template.yaml} in {@code dir}, runs the whole analyzer over it
     * (SAM expansion included) with only the rules {@code ruleIds} enabled, and asserts the
     * findings against the markers; fails on any input problem.
     *
     * @return the findings, sorted, for further assertions
     */
    public static List<Finding> analyzed(Path dir, String yaml, String... ruleIds) {
        try {
            Files.writeString(dir.resolve("template.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Config config = Config.defaults().withSelection(List.of(ruleIds), List.of());
        Results results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(
                List.of(dir.resolve("template.yaml")), dir, config, List.of()));
        if (!results.problems().isEmpty()) {
            throw new AssertionError("analysis failed: " + results.problems());
        }
        return matching(yaml, Engine.normalize(results.findings()));
    }

    /**
     * Asserts that {@code findings} (all in the one template {@code yaml}) are exactly at the lines
     * that {@code yaml} marks, with the ids marked there.
     *
     * @return {@code findings}, for further assertions
     */
    public static List<Finding> matching(String yaml, List<Finding> findings) {
        Map<Integer, List<String>> missing = markers(yaml);
        List<String> extra = new ArrayList<>();
        for (Finding f : findings) {
            if (!(f.location() instanceof Location.Template loc)) {
                throw new AssertionError("not a template finding: " + f);
            }
            List<String> ids = missing.get(loc.line());
            if (ids != null && ids.remove(f.ruleId())) {
                continue;
            }
            extra.add("line " + loc.line() + ": " + f.ruleId() + " at " + loc.logicalPath() + ": " + f.message());
        }
        missing.values().removeIf(List::isEmpty);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder why = new StringBuilder("the findings are not the ones the fixture marks with # expect\n");
            missing.forEach((line, ids) -> why.append("  missing: line ").append(line).append(": ")
                    .append(String.join(" ", ids)).append('\n'));
            extra.forEach(e -> why.append("  extra: ").append(e).append('\n'));
            why.append("in:\n").append(numbered(yaml));
            throw new AssertionError(why.toString());
        }
        return findings;
    }

    /**
     * The markers of {@code yaml}: for each 1-based line with a marker, the ids it names in the
     * order written. Fails on a marker that names no id or not only ids.
     */
    public static Map<Integer, List<String>> markers(String yaml) {
        Map<Integer, List<String>> markers = new TreeMap<>();
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            if (!IDS.matcher(m.group(1)).matches()) {
                throw new AssertionError("malformed marker on line " + (i + 1) + " (write # expect ID [ID...]): "
                        + lines.get(i));
            }
            markers.put(i + 1, new ArrayList<>(Arrays.asList(m.group(1).strip().split("\\s+"))));
        }
        return markers;
    }

    private static String numbered(String yaml) {
        StringBuilder out = new StringBuilder();
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.format("%4d  %s", i + 1, lines.get(i))).append('\n');
        }
        return out.toString();
    }
}
