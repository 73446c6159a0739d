package dev.resilint.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.core.DisplayPaths;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Problem;
import dev.resilint.core.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * GitLab's Code Quality report ({@code artifacts:reports:codequality}): a JSON array of issues with
 * the fields GitLab documents as required, {@code description}, {@code check_name},
 * {@code fingerprint}, {@code severity} and {@code location.path} with {@code location.lines.begin}.
 *
 * <ul>
 *   <li>Severities: resilint's {@code error} is GitLab's {@code critical}, {@code warning} is
 *       {@code major}, {@code note} is {@code minor}; an input or internal error is a
 *       {@code blocker}, an evaluation gap {@code info} (a gap is never silent, not even here).
 *   <li>Paths are relative to the working directory (the job's project directory) when a file lies
 *       under it; a live finding's path is its ARN, a class without a source file its class name.
 *   <li>GitLab shows only the first issue of a fingerprint, so the finding's fingerprint is used
 *       as it is and a repeat (the same rule on the same resource at another place) gets
 *       {@code -2}, {@code -3}, ... in report order. Problems and gaps are fingerprinted by an
 *       MD5 of what they say.
 * </ul>
 *
 * Suppressed and baselined findings are left out, as in SARIF.
 */
public final class GitlabReporter implements Reporter {

    private final Path workingDirectory;

    public GitlabReporter(ReportOptions options) {
        this(Path.of("").toAbsolutePath());
    }

    GitlabReporter(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ArrayNode issues = JsonOutput.MAPPER.createArrayNode();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : report.findings()) {
            int n = seen.merge(f.fingerprint(), 1, Integer::sum);
            String fingerprint = n == 1 ? f.fingerprint() : f.fingerprint() + "-" + n;
            issues.add(issue(f.message(), f.ruleId(), fingerprint, severity(f.severity()), path(f.location()),
                    f.location().line()));
        }
        for (Problem p : report.problems()) {
            String check = p.kind() == Problem.Kind.INTERNAL_ERROR ? "resilint/internal-error" : "resilint/input-error";
            String path = p.file().isEmpty() ? "." : relative(p.file());
            issues.add(issue(p.message(), check, md5(check + "\0" + path + "\0" + p.line() + "\0" + p.message()),
                    "blocker", path, p.line()));
        }
        for (NotEvaluatedGroup g : NotEvaluatedGroup.of(report.notEvaluated())) {
            String text = "not evaluated: " + g.display();
            String path = g.accountRegion().isPresent() ? g.scope() : relative(g.scope());
            issues.add(issue(text, "resilint/not-evaluated", md5("not-evaluated\0" + text), "info", path, 1));
        }
        JsonOutput.write(issues, out);
    }

    private static ObjectNode issue(String description, String check, String fingerprint, String severity, String path,
            int line) {
        ObjectNode issue = JsonOutput.MAPPER.createObjectNode();
        issue.put("description", description);
        issue.put("check_name", check);
        issue.put("fingerprint", fingerprint);
        issue.put("severity", severity);
        ObjectNode location = issue.putObject("location");
        location.put("path", path);
        location.putObject("lines").put("begin", Math.max(1, line));
        return issue;
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case NOTE -> "minor";
        };
    }

    private String path(Location location) {
        if (location instanceof Location.Live l) {
            return l.arn();
        }
        if (location.file().isEmpty() && location instanceof Location.Code c) {
            return c.className();
        }
        return relative(location.file());
    }

    /** A path relative to the working directory when the file lies under it, with forward slashes. */
    private String relative(String file) {
        String path = file;
        try {
            if (Path.of(file).isAbsolute()) {
                path = DisplayPaths.display(Path.of(file), workingDirectory);
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path of this file system: kept as written
        }
        path = path.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java platform", e);
        }
    }
}
