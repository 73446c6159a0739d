package dev.resilint.core.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.SourceKind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Rule documentation generated from {@link RuleMetadata}: the catalog for {@code resilint rules},
 * one rule for {@code resilint explain}, and {@code docs/rules.md}. Nothing here is written twice.
 */
public final class RuleDocs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleDocs() {
    }

    /** One line per rule: id, severity, sources, name, summary. */
    public static String table(List<RuleMetadata> rules) {
        StringBuilder sb = new StringBuilder();
        int nameWidth = rules.stream().mapToInt(r -> r.name().length()).max().orElse(4);
        for (RuleMetadata r : rules) {
            sb.append(String.format(Locale.ROOT, "%-5s %-8s %-15s %-" + nameWidth + "s  %s%n", r.id(),
                    r.defaultSeverity().label(), sources(r), r.name(), r.summary()));
        }
        sb.append(rules.size()).append(rules.size() == 1 ? " rule" : " rules")
                .append(". `resilint explain ID` tells more about one.\n");
        return sb.toString().replace("\r\n", "\n");
    }

    /** Everything about one rule, for a terminal. */
    public static String explain(RuleMetadata r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.id()).append(' ').append(r.name()).append('\n');
        sb.append("  severity: ").append(r.defaultSeverity().label()).append("   sources: ").append(sources(r))
                .append('\n');
        if (!r.resourceTypes().isEmpty()) {
            sb.append("  reads: ").append(String.join(", ", r.resourceTypes())).append('\n');
        }
        if (!r.tags().isEmpty()) {
            sb.append("  tags: ").append(String.join(", ", r.tags())).append('\n');
        }
        sb.append('\n').append(r.summary()).append("\n\n");
        sb.append("Why it matters\n  ").append(r.rationale()).append("\n\n");
        sb.append("How to fix it\n  ").append(r.remediation()).append('\n');
        if (!r.parameters().isEmpty()) {
            sb.append("\nParameters (.resilint.yaml: rules.").append(r.id()).append(")\n");
            for (RuleParameter p : r.parameters()) {
                sb.append("  ").append(p.name()).append(" (").append(p.type().label()).append(", default ")
                        .append(p.defaultValue()).append("): ").append(p.description()).append('\n');
            }
        }
        if (!r.references().isEmpty()) {
            sb.append("\nReferences\n");
            for (Reference ref : r.references()) {
                sb.append("  ").append(ref.label());
                if (!ref.url().isEmpty()) {
                    sb.append("  ").append(ref.url());
                }
                sb.append('\n');
            }
        }
        sb.append("\nSuppress with a reason in the resource's Metadata:\n")
                .append("  resilint: {suppress: [{id: ").append(r.id())
                .append(", reason: \"why this is acceptable\", expires: 2027-03-31}]}\n");
        return sb.toString();
    }

    /** The rule catalog as Markdown: the generated {@code docs/rules.md}. */
    public static String markdown(List<RuleMetadata> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# resilint rules\n\n");
        sb.append("<!-- Generated from rule metadata by `resilint rules --format markdown`. Do not edit: "
                + "a test fails when this file is stale. -->\n\n");
        sb.append("| id | name | severity | sources | summary |\n|---|---|---|---|---|\n");
        for (RuleMetadata r : rules) {
            sb.append("| [").append(r.id()).append("](#").append(anchor(r)).append(") | ").append(r.name())
                    .append(" | ").append(r.defaultSeverity().label()).append(" | ").append(sources(r)).append(" | ")
                    .append(cell(r.summary())).append(" |\n");
        }
        for (RuleMetadata r : rules) {
            sb.append("\n## ").append(r.id()).append(' ').append(r.name()).append("\n\n");
            sb.append("**Severity:** ").append(r.defaultSeverity().label()).append(" · **Sources:** ")
                    .append(sources(r));
            if (!r.tags().isEmpty()) {
                sb.append(" · **Tags:** ").append(String.join(", ", r.tags()));
            }
            sb.append("\n\n").append(r.summary()).append("\n\n");
            if (!r.resourceTypes().isEmpty()) {
                sb.append("**Reads:** ").append(r.resourceTypes().stream().map(t -> "`" + t + "`")
                        .collect(Collectors.joining(", "))).append("\n\n");
            }
            sb.append("**Why it matters.** ").append(r.rationale()).append("\n\n");
            sb.append("**How to fix it.** ").append(r.remediation()).append("\n\n");
            if (!r.parameters().isEmpty()) {
                sb.append("**Parameters** (`.resilint.yaml`, under `rules.").append(r.id()).append("`):\n\n");
                sb.append("| parameter | type | default | description |\n|---|---|---|---|\n");
                for (RuleParameter p : r.parameters()) {
                    sb.append("| `").append(p.name()).append("` | ").append(p.type().label()).append(" | `")
                            .append(p.defaultValue()).append("` | ").append(cell(p.description())).append(" |\n");
                }
                sb.append('\n');
            }
            if (!r.references().isEmpty()) {
                sb.append("**References:** ").append(r.references().stream().map(RuleDocs::markdownReference)
                        .collect(Collectors.joining(", "))).append("\n");
            }
        }
        return sb.toString();
    }

    /** The rule catalog as JSON. */
    public static String json(List<RuleMetadata> rules) {
        ArrayNode array = JSON.createArrayNode();
        for (RuleMetadata r : rules) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("name", r.name());
            o.put("severity", r.defaultSeverity().label());
            o.put("summary", r.summary());
            o.put("rationale", r.rationale());
            o.put("remediation", r.remediation());
            ArrayNode src = o.putArray("sources");
            r.sourcesInOrder().forEach(s -> src.add(s.label()));
            ArrayNode types = o.putArray("resourceTypes");
            r.resourceTypes().forEach(types::add);
            ArrayNode tags = o.putArray("tags");
            r.tags().forEach(tags::add);
            ArrayNode refs = o.putArray("references");
            for (Reference ref : r.references()) {
                ObjectNode x = refs.addObject();
                x.put("kind", ref.kind().name().toLowerCase(Locale.ROOT));
                x.put("label", ref.label());
                if (!ref.url().isEmpty()) {
                    x.put("url", ref.url());
                }
            }
            ArrayNode params = o.putArray("parameters");
            for (RuleParameter p : r.parameters()) {
                ObjectNode x = params.addObject();
                x.put("name", p.name());
                x.put("type", p.type().name().toLowerCase(Locale.ROOT));
                x.putPOJO("default", p.defaultValue());
                x.put("description", p.description());
            }
            o.put("helpUri", r.helpUri());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Markdown heading anchor GitHub generates for a rule's section. */
    public static String anchor(RuleMetadata r) {
        return r.id().toLowerCase(Locale.ROOT) + "-" + r.name().toLowerCase(Locale.ROOT);
    }

    private static String sources(RuleMetadata r) {
        return r.sourcesInOrder().stream().map(SourceKind::label).collect(Collectors.joining(","));
    }

    private static String markdownReference(Reference ref) {
        return ref.url().isEmpty() ? ref.label() : "[" + ref.label() + "](" + ref.url() + ")";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
