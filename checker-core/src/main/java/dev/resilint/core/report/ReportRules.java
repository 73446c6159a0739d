package dev.resilint.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.core.report.JsonFields.FieldException;
import dev.resilint.core.report.JsonFields.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code rules} of a JSON report read back: each rule's metadata comes from this resilint's
 * catalog, which must know it and describe it as the report does; for an earlier run's report
 * ({@code --compare}, {@code rulesAsWritten}) a rule it does not know or describes otherwise is
 * taken as the report describes it.
 */
final class ReportRules {

    private final JsonFields f;
    private final Function<String, Optional<RuleMetadata>> rules;
    private final boolean rulesAsWritten;

    ReportRules(JsonFields fields, Function<String, Optional<RuleMetadata>> rules, boolean rulesAsWritten) {
        this.f = fields;
        this.rules = rules;
        this.rulesAsWritten = rulesAsWritten;
    }

    List<RuleMetadata> read(JsonNode root, Place top) throws FieldException {
        List<RuleMetadata> list = new ArrayList<>();
        List<JsonNode> items = f.objects(root, top, "rules");
        for (int i = 0; i < items.size(); i++) {
            Place p = top.field("rules").item(i);
            JsonNode r = items.get(i);
            String id = f.text(r, p, "id");
            Optional<RuleMetadata> found = rules.apply(id);
            boolean same = found.isPresent() && found.get().name().equals(f.text(r, p, "name"))
                    && found.get().defaultSeverity().label().equals(f.text(r, p, "severity"))
                    && found.get().summary().equals(f.text(r, p, "summary"))
                    && found.get().helpUri().equals(f.text(r, p, "helpUri"));
            if (!same && rulesAsWritten) {
                list.add(asWritten(r, p, id));
                continue;
            }
            RuleMetadata known = found.orElseThrow(() -> new FieldException(p.shown() + ": rule " + id
                    + " is not one this resilint knows (a report of another resilint version?)"));
            if (!same) {
                throw new FieldException(p.shown() + ": rule " + id + " is described differently by this resilint "
                        + "(a report of another resilint version?)");
            }
            list.add(known);
        }
        return list;
    }

    /** A rule as an earlier report describes it: enough to name it where its findings are shown. */
    private RuleMetadata asWritten(JsonNode r, Place p, String id) throws FieldException {
        String summary = f.text(r, p, "summary");
        try {
            RuleMetadata rule = RuleMetadata.builder(id, f.text(r, p, "name"))
                    .severity(Severity.parse(f.text(r, p, "severity")).orElseThrow(
                            () -> new IllegalArgumentException("unknown severity")))
                    .summary(summary)
                    .rationale(summary)
                    .remediation(summary)
                    .sources(SourceKind.values())
                    .build();
            if (!rule.helpUri().equals(f.text(r, p, "helpUri"))) {
                throw new IllegalArgumentException("a help URI resilint would not write");
            }
            return rule;
        } catch (IllegalArgumentException e) {
            throw new FieldException(p.shown() + ": not a rule as resilint writes them (" + e.getMessage() + ")");
        }
    }
}
