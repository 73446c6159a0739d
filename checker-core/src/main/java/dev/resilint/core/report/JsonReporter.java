package dev.resilint.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import dev.resilint.core.baseline.Baseline;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The machine-readable report: a versioned schema ({@link #SCHEMA_VERSION}) described by
 * {@code resilint-report.schema.json} next to this class and in {@code docs/report-formats.md}.
 * Everything the run knows is included, suppressed findings always (with their suppression),
 * regardless of {@link ReportOptions#includeSuppressed()}. Properties appear in a fixed order.
 * {@code run.date} is the day of the run, {@code run.scopes} the live scopes ({@code account/region})
 * it judged (what a later {@code --compare} needs, after a {@code merge} too). Compared with a previous report, each active finding and
 * gap has a {@code change}, and {@code comparison}, {@code fixed}, {@code notRechecked} and
 * {@code notEvaluatedResolved} say what changed; grouped, {@code groupBy} names the grouping and
 * every finding has its {@code group}. Each finding carries the tags of its resource as the run
 * read them ({@code tags}, keys sorted), or {@code tagsUnread} when they could not be read, so that
 * a report read back ({@code merge}) can still be grouped by a tag.
 */
public final class JsonReporter implements Reporter {

    /** Bumped when a field is removed or changes meaning; new fields do not bump it. */
    public static final int SCHEMA_VERSION = 1;

    /** Class-path resource holding the JSON Schema of this format. */
    public static final String SCHEMA_RESOURCE = "/dev/resilint/core/report/resilint-report.schema.json";

    private final ReportOptions options;

    public JsonReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode root = JsonOutput.MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "resilint");
        tool.put("version", options.toolVersion());
        ObjectNode run = root.putObject("run");
        if (!report.configuration().isEmpty()) {
            run.put("configuration", report.configuration());
        }
        report.date().ifPresent(d -> run.put("date", d.toString()));
        List<String> scopes = report.scopes().stream().filter(sc -> !report.files().contains(sc)).toList();
        if (!scopes.isEmpty()) {
            scopes.forEach(run.putArray("scopes")::add);
        }
        summary(report, root.putObject("summary"));
        Optional<Comparison> comparison = report.comparison();
        comparison.ifPresent(c -> comparison(report, c, root.putObject("comparison")));
        Optional<Grouping> grouping = options.groupBy().map(by -> Grouping.of(report, by));
        grouping.ifPresent(g -> root.put("groupBy", g.by().label()));
        Function<Finding, String> groupOf = grouping.<Function<Finding, String>>map(g -> g::group).orElse(null);
        findings(report, report.findings(), root.putArray("findings"), comparison, groupOf);
        if (comparison.isPresent()) {
            Function<Finding, String> previousGroup = grouping.<Function<Finding, String>>map(g -> g::groupOfPrevious)
                    .orElse(null);
            findings(report, comparison.get().fixed(), root.putArray("fixed"), Optional.empty(), previousGroup);
            ArrayNode notRechecked = root.putArray("notRechecked");
            for (NotRechecked n : comparison.get().notRechecked()) {
                finding(report, n.finding(), notRechecked.addObject(), Optional.empty(), previousGroup)
                        .put("reason", n.reason());
            }
        }
        findings(report, report.suppressed(), root.putArray("suppressed"), Optional.empty(), groupOf);
        findings(report, report.baselined(), root.putArray("baselined"), Optional.empty(), groupOf);
        ArrayNode stale = root.putArray("staleBaselineEntries");
        for (Baseline.Entry e : report.staleBaselineEntries()) {
            stale.addObject().put("fingerprint", e.fingerprint()).put("ruleId", e.ruleId())
                    .put("location", e.location());
        }
        ArrayNode problems = root.putArray("problems");
        for (Problem p : report.problems()) {
            problems.addObject()
                    .put("kind", p.kind() == Problem.Kind.INTERNAL_ERROR ? "internal" : "input")
                    .put("file", p.file()).put("line", p.line()).put("column", p.column())
                    .put("ruleId", p.ruleId()).put("message", p.message());
        }
        notEvaluated(NotEvaluatedGroup.of(report.notEvaluated()), root.putArray("notEvaluated"), comparison);
        comparison.ifPresent(c -> notEvaluated(c.resolvedGaps(), root.putArray("notEvaluatedResolved"),
                Optional.empty()));
        ArrayNode files = root.putArray("files");
        report.files().forEach(files::add);
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        ArrayNode rules = root.putArray("rules");
        for (RuleMetadata r : report.rules()) {
            rules.addObject().put("id", r.id()).put("name", r.name()).put("severity", r.defaultSeverity().label())
                    .put("summary", r.summary()).put("helpUri", r.helpUri());
        }
        JsonOutput.write(root, out);
    }

    /** What the comparison with the previous report found, in numbers. */
    private static void comparison(Report report, Comparison c, ObjectNode o) {
        o.put("previousDate", c.previousDate().map(Object::toString).orElse(null));
        o.put("new", c.count(report.findings(), Change.NEW));
        o.put("unchanged", c.count(report.findings(), Change.UNCHANGED));
        o.put("fixed", c.fixed().size());
        o.put("notRechecked", c.notRechecked().size());
        o.put("newNotEvaluated", NotEvaluatedGroup.of(report.notEvaluated()).stream()
                .filter(g -> c.change(g) == Change.NEW).count());
        o.put("notEvaluatedResolved", c.resolvedGaps().size());
        o.put("failOnNew", c.failOnNew());
    }

    private static void summary(Report report, ObjectNode summary) {
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (Map.Entry<Severity, Integer> e : Places.countBySeverity(report.findings()).entrySet()) {
            bySeverity.put(e.getKey().label(), e.getValue());
        }
        summary.put("findings", report.findings().size());
        summary.put("suppressed", report.suppressed().size());
        summary.put("baselined", report.baselined().size());
        summary.put("staleBaselineEntries", report.staleBaselineEntries().size());
        summary.put("baselineUsed", report.baselineUsed());
        summary.put("problems", report.problems().size());
        summary.put("notEvaluated", NotEvaluatedGroup.of(report.notEvaluated()).size());
        summary.put("files", report.files().size());
        summary.put("failing", report.failingCount());
        summary.put("threshold", report.threshold().label());
        summary.put("exitCode", report.exitCode());
    }

    /** One entry per scope, type, subject, reason and detail, naming every rule not evaluated there. */
    private static void notEvaluated(List<NotEvaluatedGroup> gaps, ArrayNode array, Optional<Comparison> comparison) {
        for (NotEvaluatedGroup g : gaps) {
            ObjectNode o = array.addObject();
            Optional<NotEvaluatedGroup.AccountRegion> live = g.accountRegion();
            if (live.isPresent()) {
                o.put("account", live.get().account()).put("region", live.get().region());
            } else {
                o.put("scope", g.scope());
            }
            o.put("resourceType", g.resourceType());
            o.put("subject", g.subject());
            ArrayNode rules = o.putArray("rules");
            g.rules().forEach(rules::add);
            o.put("reason", g.reason().label());
            o.put("message", g.detail());
            comparison.ifPresent(c -> o.put("change", c.change(g).label()));
        }
    }

    /**
     * @param comparison gives each finding its {@code change} (this run's active findings only)
     * @param groupOf gives each finding its {@code group}; null when not grouping
     */
    private static void findings(Report report, List<Finding> findings, ArrayNode array,
            Optional<Comparison> comparison, Function<Finding, String> groupOf) {
        for (Finding f : findings) {
            finding(report, f, array.addObject(), comparison, groupOf);
        }
    }

    private static ObjectNode finding(Report report, Finding f, ObjectNode o, Optional<Comparison> comparison,
            Function<Finding, String> groupOf) {
        o.put("ruleId", f.ruleId());
        o.put("ruleName", Places.rule(report, f.ruleId()).map(RuleMetadata::name).orElse(null));
        o.put("severity", f.severity().label());
        o.put("message", f.message());
        o.put("fingerprint", f.fingerprint());
        o.set("location", location(f.location()));
        comparison.ifPresent(c -> o.put("change", c.change(f).label()));
        if (groupOf != null) {
            o.put("group", groupOf.apply(f));
        }
        Optional<Map<String, String>> tags = report.tags().of(f.location());
        if (tags.isPresent()) {
            ObjectNode to = o.putObject("tags");
            new TreeMap<>(tags.get()).forEach(to::put);
        } else if (report.tags().unread(f.location())) {
            o.put("tagsUnread", true);
        }
        if (f.suppression().isPresent()) {
            Suppression s = f.suppression().get();
            ObjectNode so = o.putObject("suppression");
            so.put("reason", s.reason());
            so.put("expires", s.expires().map(Object::toString).orElse(null));
            so.put("format", s.format().label());
            so.put("scope", s.scope().describe());
            so.set("origin", location(s.origin()));
        }
        return o;
    }

    static ObjectNode location(Location location) {
        ObjectNode o = JsonOutput.MAPPER.createObjectNode();
        if (location instanceof Location.Template t) {
            o.put("kind", "template").put("file", t.file()).put("line", t.line()).put("column", t.column())
                    .put("logicalPath", t.logicalPath()).put("resourceId", t.resourceId())
                    .put("resourceType", t.resourceType());
        } else if (location instanceof Location.Live l) {
            o.put("kind", "live").put("arn", l.arn()).put("account", l.account()).put("region", l.region())
                    .put("resourceType", l.resourceType());
        } else if (location instanceof Location.Code c) {
            o.put("kind", "code").put("className", c.className()).put("member", c.member()).put("file", c.file())
                    .put("line", c.line());
        }
        return o;
    }
}
