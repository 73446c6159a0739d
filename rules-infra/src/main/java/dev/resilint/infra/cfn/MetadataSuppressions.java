package dev.resilint.infra.cfn;

import dev.resilint.core.CoreRules;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads suppressions from a template's {@code Metadata}, at template level (covering the whole
 * file) and at resource level (covering one resource):
 *
 * <pre>
 * Metadata:
 *   resilint:
 *     suppress:
 *       - id: AZ04
 *         reason: Reporting replica, rebuilt from the primary in minutes
 *         expires: 2027-03-31
 *   cfn-lint: {config: {ignore_checks: [AZ04]}}          # no reason: reported as RL01
 *   cfn_nag: {rules_to_suppress: [{id: AZ04, reason: ...}]}
 *   checkov: {skip: [{id: AZ04, comment: ...}]}
 * </pre>
 *
 * Entries of the other tools' blocks that are not resilint ids (cfn-lint's {@code E3012}, checkov's
 * {@code CKV_AWS_16}) are theirs and are ignored. A malformed {@code resilint} block is reported as
 * an {@code RL01} finding. Whether a suppression read here is valid (its reason, its rule id) is
 * the {@link dev.resilint.core.Suppressor}'s to judge.
 */
public final class MetadataSuppressions {

    /** What was read: suppressions, and RL01 findings for entries that could not be read. */
    public record Result(List<Suppression> suppressions, List<Finding> problems) {
    }

    private final TemplateFile template;
    private final Severity invalidSeverity;
    private final List<Suppression> suppressions = new ArrayList<>();
    private final List<Finding> problems = new ArrayList<>();

    private MetadataSuppressions(TemplateFile template, Severity invalidSeverity) {
        this.template = template;
        this.invalidSeverity = invalidSeverity;
    }

    public static Result read(TemplateFile template, Severity invalidSeverity) {
        MetadataSuppressions reader = new MetadataSuppressions(template, invalidSeverity);
        reader.readAll();
        return new Result(List.copyOf(reader.suppressions), List.copyOf(reader.problems));
    }

    private void readAll() {
        MapNode root = template.root();
        if (root.get("Metadata").orElse(null) instanceof MapNode meta) {
            readBlock(meta, "Metadata", "", new SuppressionScope.File(template.file()));
        }
        if (root.get("Resources").orElse(null) instanceof MapNode resources) {
            for (MapNode.Entry e : resources.entries()) {
                if (e.value() instanceof MapNode def && def.get("Metadata").orElse(null) instanceof MapNode meta) {
                    readBlock(meta, "Resources/" + e.key() + "/Metadata", e.key(),
                            new SuppressionScope.Resource(template.file(), e.key()));
                }
            }
        }
    }

    private void readBlock(MapNode metadata, String path, String resourceId, SuppressionScope scope) {
        metadata.entry("resilint").ifPresent(e -> readResilint(e, path + "/resilint", resourceId, scope));
        if (metadata.get("cfn-lint").orElse(null) instanceof MapNode cfnLint
                && cfnLint.get("config").orElse(null) instanceof MapNode config
                && config.get("ignore_checks").orElse(null) instanceof ListNode checks) {
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i) instanceof ScalarNode s && isResilintId(s.text())) {
                    add(s.text(), "", Optional.empty(), scope, origin(path + "/cfn-lint/config/ignore_checks/" + i,
                            resourceId, s), Suppression.Format.CFN_LINT);
                }
            }
        }
        if (metadata.get("cfn_nag").orElse(null) instanceof MapNode nag
                && nag.get("rules_to_suppress").orElse(null) instanceof ListNode rules) {
            readForeignList(rules, "id", "reason", path + "/cfn_nag/rules_to_suppress", resourceId, scope,
                    Suppression.Format.CFN_NAG);
        }
        if (metadata.get("checkov").orElse(null) instanceof MapNode checkov
                && checkov.get("skip").orElse(null) instanceof ListNode skips) {
            readForeignList(skips, "id", "comment", path + "/checkov/skip", resourceId, scope,
                    Suppression.Format.CHECKOV);
        }
    }

    private void readForeignList(ListNode list, String idKey, String reasonKey, String path, String resourceId,
            SuppressionScope scope, Suppression.Format format) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof MapNode entry && entry.get(idKey).orElse(null) instanceof ScalarNode id
                    && isResilintId(id.text())) {
                String reason = entry.get(reasonKey).orElse(null) instanceof ScalarNode r ? r.text() : "";
                add(id.text(), reason, Optional.empty(), scope, origin(path + "/" + i, resourceId, entry), format);
            }
        }
    }

    private void readResilint(MapNode.Entry block, String path, String resourceId, SuppressionScope scope) {
        if (!(block.value() instanceof MapNode map)) {
            problem(path, resourceId, block.value(), "Metadata 'resilint' must be a map with a 'suppress' list");
            return;
        }
        for (MapNode.Entry e : map.entries()) {
            if (!e.key().equals("suppress")) {
                problem(path + "/" + e.key(), resourceId, e.value(),
                        "unknown key '" + e.key() + "' in Metadata 'resilint'; expected 'suppress'");
            }
        }
        Node suppress = map.get("suppress").orElse(null);
        if (suppress == null) {
            return;
        }
        if (!(suppress instanceof ListNode list)) {
            problem(path + "/suppress", resourceId, suppress,
                    "'suppress' must be a list of {id, reason, expires} entries");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String entryPath = path + "/suppress/" + i;
            Node item = list.get(i);
            if (!(item instanceof MapNode entry)) {
                problem(entryPath, resourceId, item, "a suppression must be a map with id, reason and expires");
                continue;
            }
            String id = entry.get("id").orElse(null) instanceof ScalarNode s ? s.text().trim() : "";
            if (id.isEmpty()) {
                problem(entryPath, resourceId, item, "a suppression needs an 'id' naming a rule");
                continue;
            }
            String unknownKey = entry.keys().stream()
                    .filter(k -> !k.equals("id") && !k.equals("reason") && !k.equals("expires")).findFirst().orElse(null);
            if (unknownKey != null) {
                problem(entryPath, resourceId, item, "unknown key '" + unknownKey + "' in suppression of " + id
                        + "; expected id, reason, expires");
                continue;
            }
            String reason = entry.get("reason").orElse(null) instanceof ScalarNode r ? r.text() : "";
            Optional<LocalDate> expires = Optional.empty();
            if (entry.has("expires")) {
                Node exp = entry.get("expires").orElseThrow();
                try {
                    expires = Optional.of(LocalDate.parse(((ScalarNode) exp).text().trim()));
                } catch (ClassCastException | DateTimeParseException ex) {
                    problem(entryPath, resourceId, exp, "suppression of " + id
                            + " has an invalid 'expires'; write a date like 2027-03-31");
                    continue;
                }
            }
            add(id, reason, expires, scope, origin(entryPath, resourceId, item), Suppression.Format.RESILINT_METADATA);
        }
    }

    private void add(String id, String reason, Optional<LocalDate> expires, SuppressionScope scope, Location origin,
            Suppression.Format format) {
        suppressions.add(new Suppression(id, reason, expires, scope, origin, format));
    }

    private Location origin(String logicalPath, String resourceId, Node node) {
        String type = "";
        return new Location.Template(template.file(), node.mark().line(), node.mark().column(), logicalPath,
                resourceId, type);
    }

    private void problem(String path, String resourceId, Node node, String message) {
        RuleMetadata rule = CoreRules.INVALID_SUPPRESSION;
        problems.add(Finding.of(rule.id(), invalidSeverity, message, origin(path, resourceId, node), path));
    }

    private static boolean isResilintId(String text) {
        return RuleMetadata.ID_PATTERN.matcher(text.trim()).matches();
    }
}
