package dev.resilint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the examples of {@code docs/report-formats.md} from a real run: {@code resilint check
 * --format F stacks} in the bundled example {@code docs/examples/report-formats/}, in-process. The
 * prose of the page is written by hand; each example is a fenced block right after a marker line
 * {@code <!-- example: FORMAT -->} (or {@code <!-- example: sarif-result -->}, the first SARIF
 * result alone), whose content this class replaces with what the run prints.
 * {@code ReportFormatsDocTest} fails when the committed page differs; it rewrites the page with
 * {@code -Dresilint.writeDocs=true}.
 */
final class ReportFormatsDoc {

    /** The page, from the cli module. */
    static final Path PAGE = Path.of("..", "docs", "report-formats.md");

    /** The bundled example the page's run reads, from the cli module. */
    static final Path EXAMPLE = Path.of("..", "docs", "examples", "report-formats");

    private static final Pattern MARKER = Pattern.compile("<!-- example: ([a-z-]+) -->");

    private ReportFormatsDoc() {
    }

    /** {@code page} with the content of every marked example replaced by the real run's output. */
    static String regenerate(String page) {
        List<String> lines = List.of(page.split("\n", -1));
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            out.add(line);
            i++;
            Matcher m = MARKER.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            if (i >= lines.size() || !lines.get(i).startsWith("```")) {
                throw new IllegalStateException("the marker '" + line + "' must be followed by a fenced block");
            }
            String opening = lines.get(i);
            // the closing fence has the opening's backticks: four for an example that holds fences of its own
            String fence = opening.substring(0, opening.length() - opening.replaceFirst("^`+", "").length());
            out.add(opening); // the opening fence, with its language
            i++;
            while (i < lines.size() && !lines.get(i).equals(fence)) {
                i++; // the old content
            }
            if (i >= lines.size()) {
                throw new IllegalStateException("the block after '" + line + "' is not closed");
            }
            String example = example(m.group(1));
            out.addAll(List.of(example.stripTrailing().split("\n", -1)));
            out.add(fence);
            i++;
        }
        return String.join("\n", out);
    }

    /** What the run prints in {@code kind} (a format, or {@code sarif-result}). */
    static String example(String kind) {
        if (kind.equals("sarif-result")) {
            return firstSarifResult(run("sarif"));
        }
        return run(kind);
    }

    private static String run(String format) {
        Cli.Result r = new Cli(EXAMPLE).run("check", "--format", format, "stacks");
        if (r.exitCode() != 2) { // the example has an unreadable template
            throw new IllegalStateException("the example run exited " + r.exitCode() + ", not 2: " + r.err());
        }
        return r.out();
    }

    /** The first element of {@code "results"}, as printed, without its indentation. */
    static String firstSarifResult(String sarif) {
        List<String> lines = List.of(sarif.split("\n"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith("\"results\"")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0 || start >= lines.size() || !lines.get(start).strip().equals("{")) {
            throw new IllegalStateException("no results in the SARIF report");
        }
        String indent = lines.get(start).substring(0, lines.get(start).indexOf('{'));
        List<String> result = new ArrayList<>();
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            result.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
            if (i > start && (line.equals(indent + "}") || line.equals(indent + "},"))) {
                break;
            }
        }
        int last = result.size() - 1;
        result.set(last, "}");
        return String.join("\n", result);
    }
}
