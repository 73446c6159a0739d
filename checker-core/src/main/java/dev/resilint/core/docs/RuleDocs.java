package dev.resilint.core.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rule documentation generated from {@link RuleMetadata}: the catalog for {@code resilint rules},
 * one rule for {@code resilint explain}, and {@code docs/rules.md}. Nothing here is written twice.
 * Where a rule runs comes from the {@link RuleCatalog}: a source its metadata names that no
 * analyzer runs yet is shown as planned.
 */
public final class RuleDocs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where the rules of each module live in the repository, for the links of {@code docs/rules.md}.
     *
     * @param packagePrefix the package prefix of the module's rule classes
     * @param directory the module's directory, relative to the repository root
     * @param sharedTest the test class that covers every rule of the module, when the module has no
     *     test class per rule ({@code ""} when each rule {@code X} has its own {@code XTest})
     */
    private record Module(String packagePrefix, String directory, String sharedTest) {
    }

    private static final List<Module> MODULES = List.of(
            new Module("dev.resilint.core.budget.", "checker-core", ""), // TO03, the rule between templates and code
            new Module("dev.resilint.infra.", "rules-infra", ""),
            new Module("dev.resilint.code.", "rules-code", "dev.resilint.code.CodeRulesTest"));

    private RuleDocs() {
    }

    /** One line per rule: id, severity, sources, name, summary. */
    public static String table(RuleCatalog catalog) {
        List<RuleMetadata> rules = catalog.rules();
        StringBuilder sb = new StringBuilder();
        int nameWidth = rules.stream().mapToInt(r -> r.name().length()).max().orElse(4);
        int sourcesWidth = rules.stream().mapToInt(r -> sources(catalog, r).length()).max().orElse(7);
        for (RuleMetadata r : rules) {
            sb.append(String.format(Locale.ROOT, "%-5s %-8s %-" + sourcesWidth + "s %-" + nameWidth + "s  %s%n",
                    r.id(), r.defaultSeverity().label(), sources(catalog, r), r.name(), r.summary()));
        }
        sb.append(rules.size()).append(rules.size() == 1 ? " rule" : " rules")
                .append(". `resilint explain ID` tells more about one.\n");
        return sb.toString().replace("\r\n", "\n");
    }

    /** Everything about one rule of the catalog, for a terminal. */
    public static String explain(RuleCatalog catalog, RuleMetadata r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.id()).append(' ').append(r.name()).append('\n');
        sb.append("  severity: ").append(r.defaultSeverity().label()).append("   sources: ")
                .append(sources(catalog, r)).append('\n');
        if (!r.judgedTypes().isEmpty()) {
            sb.append("  judges: ").append(String.join(", ", r.judgedTypes())).append('\n');
        }
        List<String> others = otherTypes(r);
        if (!others.isEmpty()) {
            sb.append(r.judgedTypes().isEmpty() ? "  reads: " : "  also reads: ").append(String.join(", ", others))
                    .append('\n');
        }
        if (!r.tags().isEmpty()) {
            sb.append("  tags: ").append(String.join(", ", r.tags())).append('\n');
        }
        sb.append('\n').append(r.summary()).append("\n\n");
        if (!r.firesOn().isEmpty()) {
            sb.append("Fires on\n");
            r.firesOn().forEach(item -> sb.append("  - ").append(item).append('\n'));
            sb.append('\n');
        }
        if (!r.quietWhen().isEmpty()) {
            sb.append("Quiet when\n");
            r.quietWhen().forEach(item -> sb.append("  - ").append(item).append('\n'));
            sb.append('\n');
        }
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
        sb.append(suppression(catalog, r));
        return sb.toString();
    }

    /**
     * How to suppress one finding of the rule, for each source it runs on: a template resource's
     * Metadata, a live resource's {@code resilint:suppress} tag, a Java class or method's
     * {@code @SuppressWarnings}. A rule that runs on nothing yet gets the advice of the sources it
     * is planned for.
     */
    static String suppression(RuleCatalog catalog, RuleMetadata r) {
        List<SourceKind> sources = catalog.runsOn(r.id()).isEmpty() ? r.sourcesInOrder() : catalog.runsOn(r.id());
        List<String> ways = new ArrayList<>();
        for (SourceKind source : sources) {
            ways.add(switch (source) {
                case TEMPLATE -> "in the resource's Metadata:\n  resilint: {suppress: [{id: " + r.id()
                        + ", reason: \"why this is acceptable\", expires: 2027-03-31}]}\n";
                case LIVE -> "on a live resource, with the tag resilint:suppress (ids, a colon, the reason):\n"
                        + "  resilint:suppress = " + r.id() + ": why this is acceptable\n";
                case CODE -> "on the class or method, in the Java source (give --source-root), the comment"
                        + " being the reason:\n  @SuppressWarnings(\"resilint:" + r.id()
                        + "\") // why this is acceptable\n";
            });
        }
        if (ways.isEmpty()) {
            return "";
        }
        if (ways.size() == 1) {
            return "\nSuppress with a reason " + ways.get(0);
        }
        StringBuilder sb = new StringBuilder("\nSuppress with a reason:\n");
        for (String way : ways) {
            sb.append("- ").append(way);
        }
        return sb.toString();
    }

    /** The rule catalog as Markdown: the generated {@code docs/rules.md}. */
    public static String markdown(RuleCatalog catalog) {
        List<RuleMetadata> rules = catalog.rules();
        StringBuilder sb = new StringBuilder();
        sb.append("# resilint rules\n\n");
        sb.append("<!-- Generated from rule metadata by `resilint rules --format markdown`. Do not edit: "
                + "a test fails when this file is stale. -->\n\n");
        sb.append("| id | name | severity | sources | summary |\n|---|---|---|---|---|\n");
        for (RuleMetadata r : rules) {
            sb.append("| [").append(r.id()).append("](#").append(anchor(r)).append(") | ").append(r.name())
                    .append(" | ").append(r.defaultSeverity().label()).append(" | ").append(sources(catalog, r))
                    .append(" | ")
                    .append(cell(r.summary())).append(" |\n");
        }
        for (RuleMetadata r : rules) {
            sb.append("\n## ").append(r.id()).append(' ').append(r.name()).append("\n\n");
            sb.append("**Severity:** ").append(r.defaultSeverity().label()).append(" · **Sources:** ")
                    .append(sources(catalog, r));
            if (!r.tags().isEmpty()) {
                sb.append(" · **Tags:** ").append(String.join(", ", r.tags()));
            }
            sb.append("\n\n").append(r.summary()).append("\n\n");
            types(r).ifPresent(line -> sb.append(line).append("\n\n"));
            list(sb, "**Fires on:**", r.firesOn());
            list(sb, "**Quiet when:**", r.quietWhen());
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
            List<String> links = new ArrayList<>();
            sourceFile(r).ifPresent(p -> links.add("**Source:** " + link(p)));
            testFile(r).ifPresent(p -> links.add("**Tests:** " + link(p)));
            if (!links.isEmpty()) {
                sb.append(r.references().isEmpty() ? "" : "\n").append(String.join(" · ", links)).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The file that implements the rule, relative to the repository root, such as
     * {@code rules-infra/src/main/java/dev/resilint/infra/rules/az/RdsInstanceNotMultiAz.java};
     * empty for a rule without implementation class or outside the known modules.
     */
    public static Optional<String> sourceFile(RuleMetadata r) {
        return module(r).map(m -> m.directory() + "/src/main/java/" + javaPath(r.implementation()));
    }

    /**
     * The test file of the rule, relative to the repository root: the implementation's own
     * {@code ...Test.java}, or the module's shared test when the module has one.
     */
    public static Optional<String> testFile(RuleMetadata r) {
        return module(r).map(m -> m.directory() + "/src/test/java/"
                + (m.sharedTest().isEmpty() ? javaPath(r.implementation() + "Test") : javaPath(m.sharedTest())));
    }

    private static Optional<Module> module(RuleMetadata r) {
        return MODULES.stream().filter(m -> r.implementation().startsWith(m.packagePrefix())).findFirst();
    }

    private static String javaPath(String className) {
        int nested = className.indexOf('$');
        String outer = nested < 0 ? className : className.substring(0, nested);
        return outer.replace('.', '/') + ".java";
    }

    /** A Markdown link from {@code docs/} to a file of the repository, named by the file. */
    private static String link(String repositoryPath) {
        return "[" + repositoryPath.substring(repositoryPath.lastIndexOf('/') + 1) + "](../" + repositoryPath + ")";
    }

    /** "**Judges:** `A` · **Also reads:** `B`", or "**Reads:** ..." for a rule that judges no declared type. */
    private static Optional<String> types(RuleMetadata r) {
        List<String> parts = new ArrayList<>();
        if (!r.judgedTypes().isEmpty()) {
            parts.add("**Judges:** " + code(r.judgedTypes()));
        }
        List<String> others = otherTypes(r);
        if (!others.isEmpty()) {
            parts.add((r.judgedTypes().isEmpty() ? "**Reads:** " : "**Also reads:** ") + code(others));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
    }

    /** The types the rule reads without judging them. */
    private static List<String> otherTypes(RuleMetadata r) {
        return r.resourceTypes().stream().filter(t -> !r.judgedTypes().contains(t)).toList();
    }

    private static String code(List<String> types) {
        return types.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "));
    }

    private static void list(StringBuilder sb, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        sb.append(title).append("\n\n");
        items.forEach(item -> sb.append("- ").append(item.replace("\n", " ")).append('\n'));
        sb.append('\n');
    }

    /** The rule catalog as JSON. */
    public static String json(RuleCatalog catalog) {
        ArrayNode array = JSON.createArrayNode();
        for (RuleMetadata r : catalog.rules()) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("name", r.name());
            o.put("severity", r.defaultSeverity().label());
            o.put("summary", r.summary());
            o.put("rationale", r.rationale());
            o.put("remediation", r.remediation());
            ArrayNode src = o.putArray("sources");
            r.sourcesInOrder().forEach(s -> src.add(s.label()));
            ArrayNode runs = o.putArray("runsOn");
            catalog.runsOn(r.id()).forEach(s -> runs.add(s.label()));
            ArrayNode planned = o.putArray("plannedSources");
            catalog.planned(r.id()).forEach(s -> planned.add(s.label()));
            ArrayNode types = o.putArray("resourceTypes");
            r.resourceTypes().forEach(types::add);
            ArrayNode judged = o.putArray("judgedTypes");
            r.judgedTypes().forEach(judged::add);
            ArrayNode fires = o.putArray("firesOn");
            r.firesOn().forEach(fires::add);
            ArrayNode quiet = o.putArray("quietWhen");
            r.quietWhen().forEach(quiet::add);
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
            if (!r.implementation().isEmpty()) {
                o.put("implementation", r.implementation());
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

    /**
     * Where the rule runs, then the sources its metadata names that nothing runs it on yet:
     * {@code template,live (planned)}.
     */
    private static String sources(RuleCatalog catalog, RuleMetadata r) {
        List<String> parts = new ArrayList<>();
        catalog.runsOn(r.id()).forEach(k -> parts.add(k.label()));
        catalog.planned(r.id()).forEach(k -> parts.add(k.label() + " (planned)"));
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    private static String markdownReference(Reference ref) {
        return ref.url().isEmpty() ? ref.label() : "[" + ref.label() + "](" + ref.url() + ")";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
