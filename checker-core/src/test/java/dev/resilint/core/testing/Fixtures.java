package dev.resilint.core.testing;

import dev.resilint.core.CoreRules;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Rule;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.ArrayList;
import java.util.List;

/** Small builders so that core tests read like the situation they set up. */
public final class Fixtures {

    private Fixtures() {
    }

    /** What a test rule does with its target. */
    @FunctionalInterface
    public interface Check<T> {
        void check(T target, RuleContext context) throws Exception;
    }

    /** Metadata of a template rule with default severity WARNING. */
    public static RuleMetadata meta(String id, String name, RuleParameter... parameters) {
        return meta(id, name, Severity.WARNING, parameters);
    }

    public static RuleMetadata meta(String id, String name, Severity severity, RuleParameter... parameters) {
        RuleMetadata.Builder b = RuleMetadata.builder(id, name)
                .severity(severity)
                .summary("Test rule " + name + ".")
                .rationale("Exists only in tests.")
                .remediation("Nothing to do.")
                .sources(SourceKind.TEMPLATE);
        for (RuleParameter p : parameters) {
            b.parameter(p);
        }
        return b.build();
    }

    /** A rule whose logic is a lambda. */
    public static <T> Rule<T> rule(RuleMetadata metadata, Check<T> check) {
        return new Rule<>() {
            @Override
            public RuleMetadata metadata() {
                return metadata;
            }

            @Override
            public void check(T target, RuleContext context) throws Exception {
                check.check(target, context);
            }

            @Override
            public String toString() {
                return "rule " + metadata.id();
            }
        };
    }

    /** A catalog of resilint's own rules plus {@code rules}. */
    public static RuleCatalog catalog(RuleMetadata... rules) {
        List<RuleMetadata> all = new ArrayList<>(CoreRules.all());
        all.addAll(List.of(rules));
        return new RuleCatalog(all);
    }

    /**
     * A template location; the resource id is the second segment of a {@code Resources/Id/...}
     * path, else empty.
     */
    public static Location.Template at(String file, int line, int column, String logicalPath) {
        String[] parts = logicalPath.split("/");
        String resource = parts.length >= 2 && parts[0].equals("Resources") ? parts[1] : "";
        return new Location.Template(file, line, column, logicalPath, resource, resource.isEmpty() ? "" : "AWS::Test::Thing");
    }

    public static Location.Template at(String file, int line, String logicalPath) {
        return at(file, line, 3, logicalPath);
    }

    public static Finding finding(String ruleId, Location location) {
        return finding(ruleId, Severity.WARNING, location, "");
    }

    public static Finding finding(String ruleId, Severity severity, Location location, String discriminator) {
        return Finding.of(ruleId, severity, ruleId + " at " + location.subject(), location, discriminator);
    }
}
