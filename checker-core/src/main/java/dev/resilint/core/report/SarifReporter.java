package dev.resilint.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Problem;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SARIF 2.1.0, as read by GitHub code scanning, GitLab and IDE viewers. One run; the driver lists
 * every rule that ran as a reporting descriptor with help text. Each active finding becomes a
 * result with a repo-relative physical location (relative to {@code %SRCROOT%}) where there is a
 * file, a logical location naming the resource, ARN or class member, and the finding's fingerprint
 * under {@code partialFingerprints["resilint/v1"]}. Suppressed findings are left out unless
 * {@link ReportOptions#includeSuppressed()}, in which case they carry SARIF {@code suppressions};
 * baselined findings are left out. Problems are tool execution notifications.
 */
public final class SarifReporter implements Reporter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/resilint/resilint";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT_KEY = "resilint/v1";

    private final ReportOptions options;

    public SarifReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode root = JsonOutput.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "resilint");
        driver.put("version", options.toolVersion());
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        for (RuleMetadata rule : report.rules()) {
            rules.add(descriptor(rule));
        }
        invocation(report, run.putArray("invocations").addObject());
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            results.add(result(report, f));
        }
        if (options.includeSuppressed()) {
            for (Finding f : report.suppressed()) {
                results.add(result(report, f));
            }
        }
        JsonOutput.write(root, out);
    }

    private static ObjectNode descriptor(RuleMetadata rule) {
        ObjectNode d = JsonOutput.MAPPER.createObjectNode();
        d.put("id", rule.id());
        d.put("name", rule.name());
        d.putObject("shortDescription").put("text", rule.summary());
        d.putObject("fullDescription").put("text", rule.rationale());
        ObjectNode help = d.putObject("help");
        help.put("text", helpText(rule));
        help.put("markdown", helpMarkdown(rule));
        d.put("helpUri", rule.helpUri());
        d.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        ArrayNode tags = d.putObject("properties").putArray("tags");
        Set<String> distinct = new LinkedHashSet<>(rule.tags());
        distinct.forEach(tags::add);
        return d;
    }

    static String helpText(RuleMetadata rule) {
        StringBuilder sb = new StringBuilder(rule.rationale()).append("\n\nRemediation: ").append(rule.remediation());
        if (!rule.references().isEmpty()) {
            sb.append("\n\nReferences:");
            for (Reference r : rule.references()) {
                sb.append("\n- ").append(r.label());
                if (!r.url().isEmpty()) {
                    sb.append(": ").append(r.url());
                }
            }
        }
        return sb.toString();
    }

    static String helpMarkdown(RuleMetadata rule) {
        StringBuilder sb = new StringBuilder(rule.rationale()).append("\n\n**Remediation:** ")
                .append(rule.remediation());
        if (!rule.references().isEmpty()) {
            sb.append("\n\n**References**\n");
            for (Reference r : rule.references()) {
                sb.append("\n- ");
                sb.append(r.url().isEmpty() ? Markdown.escape(r.label())
                        : "[" + Markdown.escape(r.label()) + "](" + r.url() + ")");
            }
        }
        return sb.toString();
    }

    private static void invocation(Report report, ObjectNode invocation) {
        invocation.put("executionSuccessful", !report.hasInternalErrors());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (NotEvaluatedGroup g : NotEvaluatedGroup.of(report.notEvaluated())) {
            ObjectNode n = notifications.addObject();
            n.put("level", "warning");
            n.putObject("message").put("text", "not evaluated: " + g.display());
            n.putObject("descriptor").put("id", "not-evaluated");
            if (g.rules().size() == 1) {
                n.putObject("associatedRule").put("id", g.rules().get(0));
            }
        }
        for (Problem p : report.problems()) {
            ObjectNode n = notifications.addObject();
            n.put("level", "error");
            n.putObject("message").put("text", p.display());
            if (!p.file().isEmpty()) {
                ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
                artifact(physical, p.file());
                if (p.line() > 0) {
                    region(physical, p.line(), p.column());
                }
            }
            n.putObject("descriptor").put("id",
                    p.kind() == Problem.Kind.INTERNAL_ERROR ? "internal-error" : "input-error");
            if (!p.ruleId().isEmpty()) {
                n.putObject("associatedRule").put("id", p.ruleId());
            }
        }
    }

    private static ObjectNode result(Report report, Finding f) {
        ObjectNode r = JsonOutput.MAPPER.createObjectNode();
        r.put("ruleId", f.ruleId());
        int index = indexOf(report.rules(), f.ruleId());
        if (index >= 0) {
            r.put("ruleIndex", index);
        }
        r.put("level", level(f.severity()));
        r.putObject("message").put("text", f.message());
        r.putArray("locations").add(location(f.location()));
        r.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
        if (report.baselineUsed() && !f.isSuppressed()) {
            r.put("baselineState", "new");
        }
        if (f.suppression().isPresent()) {
            Suppression s = f.suppression().get();
            ObjectNode so = r.putArray("suppressions").addObject();
            so.put("kind", s.format() == Suppression.Format.CONFIG ? "external" : "inSource");
            so.put("status", "accepted");
            so.put("justification", s.reason());
        }
        return r;
    }

    private static ObjectNode location(Location location) {
        ObjectNode l = JsonOutput.MAPPER.createObjectNode();
        if (!location.file().isEmpty()) {
            ObjectNode physical = l.putObject("physicalLocation");
            artifact(physical, location.file());
            region(physical, Math.max(1, location.line()), location.column());
        }
        ObjectNode logical = logical(location);
        if (logical != null) {
            l.putArray("logicalLocations").add(logical);
        }
        return l;
    }

    /** The resource, ARN, or class member a finding is about; null when there is nothing to name. */
    private static ObjectNode logical(Location location) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        if (location instanceof Location.Template t) {
            if (t.resourceId().isEmpty() && t.logicalPath().isEmpty()) {
                return null;
            }
            o.put("name", t.resourceId().isEmpty() ? t.logicalPath() : t.resourceId());
            o.put("fullyQualifiedName", t.logicalPath().isEmpty() ? t.resourceId() : t.logicalPath());
            o.put("kind", "resource");
        } else if (location instanceof Location.Live l) {
            o.put("name", l.arn()).put("fullyQualifiedName", l.arn()).put("kind", "resource");
        } else if (location instanceof Location.Code c) {
            if (c.member().isEmpty()) {
                o.put("name", c.className().substring(c.className().lastIndexOf('.') + 1));
                o.put("fullyQualifiedName", c.className());
                o.put("kind", "type");
            } else {
                o.put("name", c.member()).put("fullyQualifiedName", c.className() + "." + c.member());
                o.put("kind", "member");
            }
        }
        return o;
    }

    private static void artifact(ObjectNode physical, String file) {
        ObjectNode artifact = physical.putObject("artifactLocation");
        String path = file.replace('\\', '/');
        if (path.startsWith("/")) {
            artifact.put("uri", "file://" + encodePath(path));
        } else if (path.matches("[A-Za-z]:/.*")) {
            artifact.put("uri", "file:///" + path.substring(0, 2) + encodePath(path.substring(2)));
        } else {
            artifact.put("uri", encodePath(path));
            artifact.put("uriBaseId", SRCROOT);
        }
    }

    private static void region(ObjectNode physical, int line, int column) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", line);
        if (column > 0) {
            region.put("startColumn", column);
        }
    }

    /** Percent-encodes a path for a URI reference: keeps unreserved characters and {@code /}. */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (byte value : bytes) {
            int b = value & 0xff;
            if (isUnreserved(b) || b == '/') {
                sb.append((char) b);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~';
    }

    static String level(Severity severity) {
        return severity.label();
    }

    private static int indexOf(List<RuleMetadata> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
