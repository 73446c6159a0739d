package dev.resilint.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.ResourceTags;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.report.JsonFields.FieldException;
import dev.resilint.core.report.JsonFields.Place;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a JSON report ({@code resilint ... --format json}) back into the {@link Report} it was
 * written from: findings with locations of every kind, suppressed findings with their suppression,
 * baselined findings, stale baseline entries, problems, evaluation gaps, files, notes, rules,
 * threshold, configuration digest, the run's date and scopes, the tags of the findings' resources,
 * and, when the report was compared ({@code --compare}) or grouped ({@code --group-by}), the
 * comparison (each finding's {@code change}, the fixed and not re-checked findings, the resolved
 * gaps) and the grouping. {@code resilint merge} joins the reports of a scan's shards this way, and
 * {@code --compare} reads the previous report this way ({@link PreviousReport}).
 *
 * <p>Reading is strict, so that nothing is lost on the way: a field this reader does not read is an
 * error (a field a later writer adds must be read here too, or a merge would drop it), and so is a
 * document that {@link JsonReporter} would not write for the report read from it (a summary that
 * does not count what the lists hold, a hand-edited file). A rule's description comes from this
 * resilint's catalog, which must know the rule and describe it as the report does: the other
 * formats need more of it than a JSON report holds. A suppression's scope is known only by its
 * description ({@link SuppressionScope.Recorded}).
 */
public final class JsonReportReader {

    /**
     * A report read back.
     *
     * @param toolVersion the version of resilint that wrote it
     * @param report what it says
     * @param groupBy how it grouped its findings ({@code groupBy}, {@code --group-by}), if it did
     */
    public record Read(String toolVersion, Report report, Optional<GroupBy> groupBy) {
        public Read {
            Objects.requireNonNull(toolVersion, "toolVersion");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(groupBy, "groupBy");
        }

        /** A report read back that was not grouped. */
        public Read(String toolVersion, Report report) {
            this(toolVersion, report, Optional.empty());
        }
    }

    private final Function<String, Optional<RuleMetadata>> rules;
    private final boolean rulesAsWritten;

    /** A reader that takes each rule's metadata, by id, from {@code rules} (a rule catalog's {@code find}). */
    public JsonReportReader(Function<String, Optional<RuleMetadata>> rules) {
        this(rules, false);
    }

    private JsonReportReader(Function<String, Optional<RuleMetadata>> rules, boolean rulesAsWritten) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.rulesAsWritten = rulesAsWritten;
    }

    /**
     * A reader for an earlier run's report ({@code --compare}): a rule this resilint does not know,
     * or describes differently (the report of an earlier version), is taken as the report describes
     * it instead of refusing the report, so that the first night after an upgrade still compares.
     * Everything else is read as strictly as by {@link #JsonReportReader(Function)}.
     */
    public static JsonReportReader forComparison(Function<String, Optional<RuleMetadata>> rules) {
        return new JsonReportReader(rules, true);
    }

    /** Reads the report in {@code file}, named {@code displayName} in errors. */
    public Read read(Path file, String displayName) throws ReportReadException {
        if (Files.isDirectory(file)) {
            throw new ReportReadException(displayName + ": a directory, not a JSON report");
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ReportReadException(displayName + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ReportReadException(displayName + ": permission denied");
        } catch (MalformedInputException e) {
            throw new ReportReadException(displayName + ": not a resilint JSON report (not UTF-8 text)");
        } catch (IOException e) {
            throw new ReportReadException(displayName + ": cannot read it (" + e.getMessage() + ")");
        }
        return read(content, displayName);
    }

    /** Reads a report from its text, named {@code displayName} in errors. */
    public Read read(String content, String displayName) throws ReportReadException {
        JsonNode root;
        try {
            root = JsonOutput.MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null || e.getLocation().getLineNr() <= 0 ? ""
                    : " at line " + e.getLocation().getLineNr();
            throw new ReportReadException(displayName + ": not a resilint JSON report (invalid JSON" + line + ": "
                    + jsonError(e.getOriginalMessage()) + ")");
        }
        if (root == null || !root.isObject() || !root.path("schemaVersion").isIntegralNumber()
                || !"resilint".equals(root.path("tool").path("name").asText(null))) {
            throw new ReportReadException(displayName + ": not a resilint JSON report (resilint ... --format json)");
        }
        int schema = root.get("schemaVersion").asInt();
        if (schema != JsonReporter.SCHEMA_VERSION) {
            throw new ReportReadException(displayName + ": a report of schemaVersion " + schema + "; this resilint reads "
                    + "schemaVersion " + JsonReporter.SCHEMA_VERSION);
        }
        JsonFields fields = new JsonFields();
        Read read;
        try {
            read = new Mapping(fields).read(root);
        } catch (FieldException e) {
            throw new ReportReadException(displayName + ": " + e.getMessage());
        }
        List<String> unread = fields.unread(root);
        if (!unread.isEmpty()) {
            throw new ReportReadException(displayName + ": fields this resilint does not read: "
                    + String.join(", ", unread) + " (a report of another resilint version?)");
        }
        JsonNode rewritten = parse(render(read));
        Optional<String> difference = firstDifference(root, rewritten, "");
        if (difference.isPresent()) {
            throw new ReportReadException(displayName + ": " + difference.get()
                    + " does not agree with the rest of the report (edited by hand?)");
        }
        return read;
    }

    /** Jackson's message on one line, without where it was (the line is named already). */
    private static String jsonError(String message) {
        String first = message == null ? "syntax error" : message.strip().lines().findFirst().orElse("syntax error");
        return first.replaceAll("\\s*\\(start marker at \\[Source:.*$", "").replaceAll("\\s+", " ").strip();
    }

    /** The JSON report that {@code read} was read from, as resilint writes it. */
    static String render(Read read) {
        StringWriter out = new StringWriter();
        try {
            new JsonReporter(new ReportOptions(false, false, false, read.toolVersion(), read.groupBy()))
                    .write(read.report(), out);
        } catch (IOException e) { // a StringWriter does not fail
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JsonOutput.MAPPER.readTree(json);
        } catch (JsonProcessingException e) { // resilint's own output
            throw new IllegalStateException(e);
        }
    }

    /** The first place, as a JSON pointer, where two documents differ. */
    private static Optional<String> firstDifference(JsonNode a, JsonNode b, String pointer) {
        if (a.equals(b)) {
            return Optional.empty();
        }
        String here = pointer.isEmpty() ? "the document" : pointer;
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!b.has(name)) {
                    return Optional.of(pointer + "/" + name);
                }
                Optional<String> d = firstDifference(a.get(name), b.get(name), pointer + "/" + name);
                if (d.isPresent()) {
                    return d;
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!a.has(name)) {
                    return Optional.of(pointer + "/" + name);
                }
            }
            return Optional.of(here);
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                Optional<String> d = firstDifference(a.get(i), b.get(i), pointer + "/" + i);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.of(here);
    }

    /** A finding of one of the lists, with what the list says of it besides the finding. */
    private record Entry(Finding finding, String change, String group, String reason) {
    }

    /** One reading of one document. */
    private final class Mapping {
        private final JsonFields f;
        private final Map<String, Map<String, String>> tagsRead = new HashMap<>();
        private final Set<String> tagsUnread = new HashSet<>();

        Mapping(JsonFields fields) {
            this.f = fields;
        }

        Read read(JsonNode root) throws FieldException {
            Place top = Place.ROOT;
            f.integer(root, top, "schemaVersion");
            JsonNode tool = f.object(root, top, "tool");
            f.text(tool, top.field("tool"), "name");
            String version = f.text(tool, top.field("tool"), "version");
            String configuration = "";
            Optional<LocalDate> date = Optional.empty();
            List<String> scopes = List.of();
            if (f.has(root, top, "run")) {
                JsonNode run = f.object(root, top, "run");
                Place r = top.field("run");
                if (f.has(run, r, "configuration")) {
                    configuration = f.text(run, r, "configuration");
                }
                if (f.has(run, r, "date")) {
                    date = Optional.of(date(f.text(run, r, "date"), r.field("date")));
                }
                if (f.has(run, r, "scopes")) {
                    scopes = f.texts(run, r, "scopes");
                }
            }
            Optional<GroupBy> groupBy = Optional.empty();
            if (f.has(root, top, "groupBy")) {
                String label = f.text(root, top, "groupBy");
                try {
                    groupBy = Optional.of(GroupBy.parse(label)).filter(g -> g.label().equals(label));
                } catch (IllegalArgumentException e) {
                    groupBy = Optional.empty();
                }
                if (groupBy.isEmpty()) {
                    throw new FieldException(top.field("groupBy").shown() + ": not a grouping: '" + label + "'");
                }
            }
            boolean grouped = groupBy.isPresent();
            boolean compared = f.has(root, top, "comparison");
            JsonNode summary = f.object(root, top, "summary");
            Place s = top.field("summary");
            List<RuleMetadata> ruleList = new ReportRules(f, rules, rulesAsWritten).read(root, top);
            List<Entry> active = findings(root, top, "findings", false, compared, grouped, false);
            List<Finding> findings = active.stream().map(Entry::finding).toList();
            List<Finding> suppressed = findings(root, top, "suppressed", true, false, grouped, false).stream()
                    .map(Entry::finding).toList();
            List<Finding> baselined = findings(root, top, "baselined", false, false, grouped, false).stream()
                    .map(Entry::finding).toList();
            List<Baseline.Entry> stale = new ArrayList<>();
            List<JsonNode> entries = f.objects(root, top, "staleBaselineEntries");
            for (int i = 0; i < entries.size(); i++) {
                Place p = top.field("staleBaselineEntries").item(i);
                JsonNode e = entries.get(i);
                stale.add(new Baseline.Entry(f.text(e, p, "fingerprint"), f.text(e, p, "ruleId"),
                        f.text(e, p, "location")));
            }
            List<Problem> problems = problems(root, top);
            Set<String> unchangedGaps = new HashSet<>();
            List<NotEvaluated> gaps = notEvaluated(root, top, "notEvaluated", compared, unchangedGaps);
            Optional<Comparison> comparison = Optional.empty();
            if (compared) {
                comparison = Optional.of(comparison(root, top, active, unchangedGaps, grouped, groupBy));
            }
            List<String> files = f.texts(root, top, "files");
            List<String> notes = f.texts(root, top, "notes");
            boolean baselineUsed = f.bool(summary, s, "baselineUsed");
            String thresholdLabel = f.text(summary, s, "threshold");
            FailThreshold threshold = FailThreshold.parse(thresholdLabel).filter(t -> t.label().equals(thresholdLabel))
                    .orElseThrow(() -> new FieldException(s.field("threshold").shown() + ": not a threshold: '"
                            + thresholdLabel + "'"));
            derivedSummary(summary, s);
            Report report = new Report(ruleList, findings, suppressed, baselined, stale, baselineUsed, problems, gaps,
                    files, notes, threshold, configuration, date, scopes, ResourceTags.of(tagsRead, tagsUnread),
                    comparison);
            return new Read(version, report, groupBy);
        }

        /**
         * The comparison with the previous report: the {@code comparison} numbers (checked by writing
         * again), each active finding's and gap's {@code change}, the fixed and not re-checked findings
         * (with the groups the report gave them) and the resolved gaps.
         */
        private Comparison comparison(JsonNode root, Place top, List<Entry> active, Set<String> unchangedGaps,
                boolean grouped, Optional<GroupBy> groupBy) throws FieldException {
            JsonNode c = f.object(root, top, "comparison");
            Place cp = top.field("comparison");
            String previous = f.textOrNull(c, cp, "previousDate");
            Optional<LocalDate> previousDate = previous == null ? Optional.empty()
                    : Optional.of(date(previous, cp.field("previousDate")));
            for (String count : List.of("new", "unchanged", "fixed", "notRechecked", "newNotEvaluated",
                    "notEvaluatedResolved")) {
                f.integer(c, cp, count);
            }
            boolean failOnNew = f.bool(c, cp, "failOnNew");
            Set<String> unchanged = new HashSet<>();
            active.stream().filter(e -> Change.UNCHANGED.label().equals(e.change()))
                    .forEach(e -> unchanged.add(e.finding().fingerprint()));
            Map<String, String> previousGroups = new HashMap<>();
            List<Finding> fixed = new ArrayList<>();
            for (Entry e : findings(root, top, "fixed", false, false, grouped, false)) {
                fixed.add(e.finding());
                if (e.group() != null) {
                    previousGroups.put(e.finding().fingerprint(), e.group());
                }
            }
            List<NotRechecked> notRechecked = new ArrayList<>();
            for (Entry e : findings(root, top, "notRechecked", false, false, grouped, true)) {
                notRechecked.add(new NotRechecked(e.finding(), e.reason()));
                if (e.group() != null) {
                    previousGroups.put(e.finding().fingerprint(), e.group());
                }
            }
            List<NotEvaluatedGroup> resolved = NotEvaluatedGroup.of(notEvaluated(root, top, "notEvaluatedResolved",
                    false, new HashSet<>()));
            return new Comparison(previousDate, unchanged, fixed, notRechecked, unchangedGaps, resolved, failOnNew,
                    groupBy.map(GroupBy::label), previousGroups);
        }

        private LocalDate date(String text, Place p) throws FieldException {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new FieldException(p.shown() + ": not a date like 2027-03-31: '" + text + "'");
            }
        }

        /** Counts and the exit code follow from the lists; they are read, and checked by writing the report again. */
        private void derivedSummary(JsonNode summary, Place s) throws FieldException {
            JsonNode bySeverity = f.object(summary, s, "bySeverity");
            for (Severity severity : Severity.values()) {
                f.integer(bySeverity, s.field("bySeverity"), severity.label());
            }
            for (String count : List.of("findings", "suppressed", "baselined", "staleBaselineEntries", "problems",
                    "notEvaluated", "files", "failing", "exitCode")) {
                f.integer(summary, s, count);
            }
        }

        /**
         * The findings of one list, with the tags of their resources ({@code tags}, {@code tagsUnread});
         * {@code change} only where the report was compared ({@code withChange}), {@code group} only
         * where it was grouped, {@code reason} only in {@code notRechecked}.
         */
        private List<Entry> findings(JsonNode root, Place top, String name, boolean suppressed, boolean withChange,
                boolean grouped, boolean withReason) throws FieldException {
            List<Entry> list = new ArrayList<>();
            List<JsonNode> items = f.objects(root, top, name);
            for (int i = 0; i < items.size(); i++) {
                Place p = top.field(name).item(i);
                JsonNode o = items.get(i);
                String ruleId = f.text(o, p, "ruleId");
                f.textOrNull(o, p, "ruleName"); // the rule's name in the rules list: checked by writing again
                Severity severity = severity(f.text(o, p, "severity"), p.field("severity"));
                String message = f.text(o, p, "message");
                String fingerprint = f.text(o, p, "fingerprint");
                Location location = location(f.object(o, p, "location"), p.field("location"));
                Optional<Suppression> suppression = Optional.empty();
                if (f.has(o, p, "suppression")) {
                    suppression = Optional.of(suppression(f.object(o, p, "suppression"), p.field("suppression"),
                            ruleId));
                } else if (suppressed) {
                    throw new FieldException(p.field("suppression").shown() + ": missing");
                }
                String change = null;
                if (withChange) {
                    change = f.text(o, p, "change");
                    String label = change;
                    if (java.util.Arrays.stream(Change.values()).noneMatch(c -> c.label().equals(label))) {
                        throw new FieldException(p.field("change").shown() + ": not new or unchanged: '" + label + "'");
                    }
                }
                String group = grouped ? f.text(o, p, "group") : null; // follows from the tags: checked by writing again
                String reason = withReason ? f.text(o, p, "reason") : null;
                tags(o, p, location);
                list.add(new Entry(new Finding(ruleId, severity, message, location, fingerprint, suppression), change,
                        group, reason));
            }
            return list;
        }

        /** The tags of a finding's resource as the run read them, or that it could not read them. */
        private void tags(JsonNode o, Place p, Location location) throws FieldException {
            String key = ResourceTags.key(location);
            if (f.has(o, p, "tags")) {
                Map<String, String> tags = f.textMap(o, p, "tags");
                Map<String, String> before = tagsRead.putIfAbsent(key, tags);
                if (before != null && !before.equals(tags)) {
                    throw new FieldException(p.field("tags").shown() + ": other tags than another finding about "
                            + location.subject() + " says");
                }
            }
            if (f.has(o, p, "tagsUnread")) {
                if (!f.bool(o, p, "tagsUnread")) {
                    throw new FieldException(p.field("tagsUnread").shown() + ": true or absent, not false");
                }
                tagsUnread.add(key);
            }
        }

        private Suppression suppression(JsonNode o, Place p, String ruleId) throws FieldException {
            String reason = f.text(o, p, "reason");
            String expiresText = f.textOrNull(o, p, "expires");
            Optional<LocalDate> expires = Optional.empty();
            if (expiresText != null) {
                try {
                    expires = Optional.of(LocalDate.parse(expiresText));
                } catch (DateTimeParseException e) {
                    throw new FieldException(p.field("expires").shown() + ": not a date like 2027-03-31: '"
                            + expiresText + "'");
                }
            }
            String formatLabel = f.text(o, p, "format");
            Suppression.Format format = null;
            for (Suppression.Format candidate : Suppression.Format.values()) {
                if (candidate.label().equals(formatLabel)) {
                    format = candidate;
                }
            }
            if (format == null) {
                throw new FieldException(p.field("format").shown() + ": not a suppression format: '" + formatLabel + "'");
            }
            SuppressionScope scope = new SuppressionScope.Recorded(f.text(o, p, "scope"));
            Location origin = location(f.object(o, p, "origin"), p.field("origin"));
            return new Suppression(ruleId, reason, expires, scope, origin, format);
        }

        private Location location(JsonNode o, Place p) throws FieldException {
            String kind = f.text(o, p, "kind");
            return switch (kind) {
                case "template" -> new Location.Template(f.text(o, p, "file"), f.integer(o, p, "line"),
                        f.integer(o, p, "column"), f.text(o, p, "logicalPath"), f.text(o, p, "resourceId"),
                        f.text(o, p, "resourceType"));
                case "live" -> new Location.Live(f.text(o, p, "arn"), f.text(o, p, "account"), f.text(o, p, "region"),
                        f.text(o, p, "resourceType"));
                case "code" -> new Location.Code(f.text(o, p, "className"), f.text(o, p, "member"),
                        f.text(o, p, "file"), f.integer(o, p, "line"));
                default -> throw new FieldException(p.field("kind").shown() + ": not a location kind: '" + kind + "'");
            };
        }

        private List<Problem> problems(JsonNode root, Place top) throws FieldException {
            List<Problem> list = new ArrayList<>();
            List<JsonNode> items = f.objects(root, top, "problems");
            for (int i = 0; i < items.size(); i++) {
                Place p = top.field("problems").item(i);
                JsonNode o = items.get(i);
                String kind = f.text(o, p, "kind");
                Problem.Kind k = switch (kind) {
                    case "input" -> Problem.Kind.INPUT_ERROR;
                    case "internal" -> Problem.Kind.INTERNAL_ERROR;
                    default -> throw new FieldException(p.field("kind").shown() + ": not a problem kind: '" + kind + "'");
                };
                list.add(new Problem(k, f.text(o, p, "file"), f.integer(o, p, "line"), f.integer(o, p, "column"),
                        f.text(o, p, "ruleId"), f.text(o, p, "message")));
            }
            return list;
        }

        /**
         * One gap per rule of each entry of the list {@code name}: the entries group them by scope,
         * type, subject, reason and detail; with {@code withChange}, the keys of those whose
         * {@code change} is unchanged go to {@code unchanged}.
         */
        private List<NotEvaluated> notEvaluated(JsonNode root, Place top, String name, boolean withChange,
                Set<String> unchanged) throws FieldException {
            List<NotEvaluated> list = new ArrayList<>();
            List<JsonNode> items = f.objects(root, top, name);
            for (int i = 0; i < items.size(); i++) {
                Place p = top.field(name).item(i);
                JsonNode o = items.get(i);
                String scope;
                if (f.has(o, p, "account") || f.has(o, p, "region")) {
                    scope = f.text(o, p, "account") + "/" + f.text(o, p, "region");
                } else {
                    scope = f.text(o, p, "scope");
                }
                String type = f.text(o, p, "resourceType");
                String subject = f.text(o, p, "subject");
                String reasonLabel = f.text(o, p, "reason");
                NotEvaluated.Reason reason = null;
                for (NotEvaluated.Reason candidate : NotEvaluated.Reason.values()) {
                    if (candidate.label().equals(reasonLabel)) {
                        reason = candidate;
                    }
                }
                if (reason == null) {
                    throw new FieldException(p.field("reason").shown() + ": not a reason: '" + reasonLabel + "'");
                }
                String detail = f.text(o, p, "message");
                List<String> ruleIds = f.texts(o, p, "rules");
                if (ruleIds.isEmpty()) {
                    throw new FieldException(p.field("rules").shown() + ": names no rule");
                }
                for (String ruleId : ruleIds) {
                    list.add(new NotEvaluated(ruleId, scope, type, reason, detail, subject));
                }
                if (withChange) {
                    String change = f.text(o, p, "change");
                    if (change.equals(Change.UNCHANGED.label())) {
                        unchanged.add(Comparison.gapKey(new NotEvaluatedGroup(scope, type, subject, reason, detail,
                                ruleIds)));
                    } else if (!change.equals(Change.NEW.label())) {
                        throw new FieldException(p.field("change").shown() + ": not new or unchanged: '" + change + "'");
                    }
                }
            }
            return list;
        }

        private Severity severity(String label, Place p) throws FieldException {
            return Severity.parse(label).filter(s -> s.label().equals(label))
                    .orElseThrow(() -> new FieldException(p.shown() + ": not a severity: '" + label + "'"));
        }
    }
}
