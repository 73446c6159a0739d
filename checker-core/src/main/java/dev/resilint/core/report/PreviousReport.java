package dev.resilint.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Severity;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON report of an earlier run ({@code resilint ... --format json}), read back for
 * {@code --compare}: its date, its active findings and its evaluation gaps. Anything that is not
 * such a report (no file, not JSON, another tool's JSON, another schema version, a finding without a
 * fingerprint) is refused with a {@link PreviousReportException} naming the file: a comparison
 * with nothing would call every finding new.
 *
 * @param name the file as the user named it
 * @param date the previous run's day ({@code run.date}); empty for reports of older resilint
 * @param findings the previous run's active findings (its {@code findings}), as findings again
 * @param notEvaluated the previous run's gaps (its {@code notEvaluated})
 * @param groupBy how the previous report grouped its findings ({@code groupBy}), if it did
 * @param groups the previous group of each finding by fingerprint, when it grouped them
 */
public record PreviousReport(String name, Optional<LocalDate> date, List<Finding> findings,
        List<NotEvaluatedGroup> notEvaluated, Optional<String> groupBy, Map<String, String> groups) {

    public PreviousReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        findings = List.copyOf(findings);
        notEvaluated = List.copyOf(notEvaluated);
        Objects.requireNonNull(groupBy, "groupBy");
        groups = Map.copyOf(groups);
    }

    /** Reads the report in {@code file}; {@code name} is how messages name it. */
    public static PreviousReport read(Path file, String name) throws PreviousReportException {
        if (Files.isDirectory(file)) {
            throw new PreviousReportException(name + ": a directory, not a JSON report");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PreviousReportException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new PreviousReportException(name + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new PreviousReportException(name + ": not a resilint JSON report (not UTF-8 text)");
        } catch (IOException e) {
            throw new PreviousReportException(name + ": cannot read it (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = JsonOutput.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null || e.getLocation().getLineNr() <= 0 ? ""
                    : ":" + e.getLocation().getLineNr();
            throw new PreviousReportException(name + line + ": not a resilint JSON report (not valid JSON: "
                    + jsonError(e.getOriginalMessage()) + ")");
        }
        return parse(root, name);
    }

    /** Jackson's message on one line, without where it was (the line is named already). */
    private static String jsonError(String message) {
        String first = message == null ? "syntax error" : message.strip().lines().findFirst().orElse("syntax error");
        return first.replaceAll("\\s*\\(start marker at \\[Source:.*$", "").replaceAll("\\s+", " ").strip();
    }

    /** The report whose JSON is {@code root}. */
    static PreviousReport parse(JsonNode root, String name) throws PreviousReportException {
        if (root == null || !root.isObject() || !"resilint".equals(root.path("tool").path("name").asText(null))
                || !root.path("schemaVersion").isInt()) {
            throw new PreviousReportException(name + ": not a resilint JSON report (write one with --format json)");
        }
        int version = root.get("schemaVersion").asInt();
        if (version != JsonReporter.SCHEMA_VERSION) {
            throw new PreviousReportException(name + ": a resilint JSON report of schema version " + version
                    + ", which this resilint (schema version " + JsonReporter.SCHEMA_VERSION + ") cannot compare with");
        }
        if (!root.path("findings").isArray()) {
            throw new PreviousReportException(name + ": not a resilint JSON report (no \"findings\" list)");
        }
        Optional<LocalDate> date = Optional.empty();
        JsonNode dateNode = root.path("run").path("date");
        if (!dateNode.isMissingNode() && !dateNode.isNull()) {
            try {
                date = Optional.of(LocalDate.parse(dateNode.asText()));
            } catch (DateTimeParseException e) {
                throw new PreviousReportException(name + ": run.date '" + dateNode.asText() + "' is not a date like 2027-03-31");
            }
        }
        Optional<String> groupBy = Optional.ofNullable(root.path("groupBy").textValue());
        List<Finding> findings = new ArrayList<>();
        Map<String, String> groups = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode f : root.get("findings")) {
            Finding finding = finding(f, name + ": findings[" + index++ + "]");
            findings.add(finding);
            if (groupBy.isPresent() && f.path("group").isTextual()) {
                groups.put(finding.fingerprint(), f.get("group").asText());
            }
        }
        List<NotEvaluatedGroup> gaps = new ArrayList<>();
        index = 0;
        for (JsonNode g : root.path("notEvaluated")) {
            gaps.add(gap(g, name + ": notEvaluated[" + index++ + "]"));
        }
        return new PreviousReport(name, date, findings, gaps, groupBy, groups);
    }

    private static Finding finding(JsonNode f, String where) throws PreviousReportException {
        String fingerprint = text(f, "fingerprint", where);
        String ruleId = text(f, "ruleId", where);
        String label = text(f, "severity", where);
        Severity severity = Severity.parse(label)
                .orElseThrow(() -> new PreviousReportException(where + ": unknown severity '" + label + "'"));
        return new Finding(ruleId, severity, f.path("message").asText(""), location(f.path("location"), where),
                fingerprint, Optional.empty());
    }

    private static Location location(JsonNode l, String where) throws PreviousReportException {
        return switch (l.path("kind").asText("")) {
            case "template" -> new Location.Template(l.path("file").asText(""), l.path("line").asInt(0),
                    l.path("column").asInt(0), l.path("logicalPath").asText(""), l.path("resourceId").asText(""),
                    l.path("resourceType").asText(""));
            case "live" -> new Location.Live(text(l, "arn", where), l.path("account").asText(""),
                    l.path("region").asText(""), l.path("resourceType").asText(""));
            case "code" -> new Location.Code(text(l, "className", where), l.path("member").asText(""),
                    l.path("file").asText(""), l.path("line").asInt(0));
            default -> throw new PreviousReportException(where + ": a location of unknown kind '"
                    + l.path("kind").asText("") + "'");
        };
    }

    private static NotEvaluatedGroup gap(JsonNode g, String where) throws PreviousReportException {
        String scope = g.has("account") ? g.path("account").asText("") + "/" + g.path("region").asText("")
                : text(g, "scope", where);
        String label = g.path("reason").asText("");
        NotEvaluated.Reason reason = null;
        for (NotEvaluated.Reason r : NotEvaluated.Reason.values()) {
            if (r.label().equals(label)) {
                reason = r;
            }
        }
        if (reason == null) {
            throw new PreviousReportException(where + ": unknown reason '" + label + "'");
        }
        List<String> rules = new ArrayList<>();
        g.path("rules").forEach(r -> rules.add(r.asText()));
        return new NotEvaluatedGroup(scope, g.path("resourceType").asText(""), g.path("subject").asText(""), reason,
                g.path("message").asText(""), rules);
    }

    private static String text(JsonNode node, String field, String where) throws PreviousReportException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new PreviousReportException(where + ": no \"" + field + "\"");
        }
        return value.asText();
    }
}
