package dev.resilint.core.config;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleSettings;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.tree.TreeReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings in {@code .resilint.yaml}. Every field has a default, so an absent file means
 * {@link #defaults()}.
 *
 * @param file the file these settings came from, if any
 * @param include rule id prefixes to run; empty means every rule
 * @param ignore rule id prefixes never to run; wins over {@code include}
 * @param severity severity overrides by rule id
 * @param ruleParameters parameter values by rule id and parameter name
 * @param requiredTags tag keys that taggable resources must carry (rule OB01)
 * @param failOn failure threshold, when the file sets one
 * @param suppressions path-based suppressions
 * @param maxFileSizeBytes inputs larger than this are refused
 * @param ignoreTemplates templates not to read: those whose path, or a directory of it, a glob
 *     matches ({@code ignoreTemplates} in the file, {@code --ignore-templates} on the command line)
 */
public record Config(
        Optional<Path> file,
        List<String> include,
        List<String> ignore,
        Map<String, Severity> severity,
        Map<String, Map<String, Object>> ruleParameters,
        List<String> requiredTags,
        Optional<FailThreshold> failOn,
        List<Suppression> suppressions,
        long maxFileSizeBytes,
        List<SuppressionScope.PathGlob> ignoreTemplates) implements RuleSettings {

    public Config {
        include = List.copyOf(include);
        ignore = List.copyOf(ignore);
        severity = Map.copyOf(severity);
        Map<String, Map<String, Object>> params = new java.util.LinkedHashMap<>();
        ruleParameters.forEach((rule, values) -> params.put(rule, Map.copyOf(values)));
        ruleParameters = Map.copyOf(params);
        requiredTags = List.copyOf(requiredTags);
        suppressions = List.copyOf(suppressions);
        ignoreTemplates = List.copyOf(ignoreTemplates);
    }

    /** Settings that ignore no template. */
    public Config(Optional<Path> file, List<String> include, List<String> ignore, Map<String, Severity> severity,
            Map<String, Map<String, Object>> ruleParameters, List<String> requiredTags, Optional<FailThreshold> failOn,
            List<Suppression> suppressions, long maxFileSizeBytes) {
        this(file, include, ignore, severity, ruleParameters, requiredTags, failOn, suppressions, maxFileSizeBytes,
                List.of());
    }

    public static Config defaults() {
        return new Config(Optional.empty(), List.of(), List.of(), Map.of(), Map.of(), List.of(), Optional.empty(),
                List.of(), TreeReader.DEFAULT_MAX_BYTES);
    }

    /**
     * Whether a rule runs: it matches {@code include} (or include is empty) and no {@code ignore}
     * prefix, ignoring case.
     */
    @Override
    public boolean isEnabled(String ruleId) {
        return (include.isEmpty() || matchesAny(ruleId, include)) && !matchesAny(ruleId, ignore);
    }

    /** Whether {@code ruleId} starts with one of {@code prefixes} (a loop: this runs for every rule on every input). */
    private static boolean matchesAny(String ruleId, List<String> prefixes) {
        for (String p : prefixes) {
            if (RuleCatalog.startsWithIgnoringCase(ruleId, p)) {
                return true;
            }
        }
        return false;
    }

    /** A copy with extra include/ignore prefixes (from the command line) added. */
    public Config withSelection(List<String> moreInclude, List<String> moreIgnore) {
        List<String> inc = new java.util.ArrayList<>(include);
        inc.addAll(moreInclude);
        List<String> ign = new java.util.ArrayList<>(ignore);
        ign.addAll(moreIgnore);
        return new Config(file, inc, ign, severity, ruleParameters, requiredTags, failOn, suppressions,
                maxFileSizeBytes, ignoreTemplates);
    }

    /** A copy that also ignores the templates {@code more} match (from the command line). */
    public Config withIgnoredTemplates(List<SuppressionScope.PathGlob> more) {
        List<SuppressionScope.PathGlob> all = new java.util.ArrayList<>(ignoreTemplates);
        all.addAll(more);
        return new Config(file, include, ignore, severity, ruleParameters, requiredTags, failOn, suppressions,
                maxFileSizeBytes, all);
    }

    /**
     * The glob of {@link #ignoreTemplates()} that matches {@code file} (relative to the working
     * directory, {@code /}-separated) or one of its directories, if any.
     */
    public Optional<SuppressionScope.PathGlob> ignoredBy(String file) {
        return ignoreTemplates.stream().filter(g -> g.coversFileOrDirectory(file)).findFirst();
    }
}
