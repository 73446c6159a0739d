package dev.resilint.core.run;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.baseline.BaselineException;
import dev.resilint.core.config.Config;
import dev.resilint.core.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings of a run that every front end (the command line's {@code check}, {@code code} and
 * {@code baseline}, the Maven plugin) takes from its user, resolved one way: the failure
 * threshold, the baseline, the report formats and the rule selection. Each method names the
 * setting as the front end calls it ({@code --fail-on}, {@code failOnSeverity}) in its errors.
 */
public final class RunSettings {

    /** The threshold when neither the user nor the configuration sets one. */
    public static final FailThreshold DEFAULT_THRESHOLD = FailThreshold.WARNING;

    private RunSettings() {
    }

    /**
     * The failure threshold: {@code given} when set, else the configuration's {@code failOn}, else
     * {@link #DEFAULT_THRESHOLD}.
     *
     * @param given {@code error}, {@code warning}, {@code note} or {@code none} in any case, or null
     * @param settingName how the user sets it, for the error message
     */
    public static FailThreshold threshold(String given, String settingName, Config config) throws SettingException {
        if (given == null || given.isBlank()) {
            return config.failOn().orElse(DEFAULT_THRESHOLD);
        }
        return FailThreshold.parse(given).orElseThrow(() -> new SettingException(
                settingName + " expects error, warning, note or none, not '" + given + "'"));
    }

    /**
     * The baseline in {@code file}, resolved against {@code workingDirectory} and named as given in
     * errors; empty when {@code file} is null.
     */
    public static Optional<Baseline> baseline(Path workingDirectory, Path file) throws BaselineException {
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(Baseline.read(workingDirectory.resolve(file), file.toString()));
    }

    /** The format named {@code name} (any case). */
    public static ReportFormat format(String name, String settingName) throws SettingException {
        return ReportFormat.parse(name).orElseThrow(() -> new SettingException(
                "unknown " + settingName + " '" + name + "'; expected " + ReportFormat.labels()));
    }

    /**
     * The configuration with a rule selection applied, after checking that every prefix names at
     * least one rule of the catalog.
     *
     * @param include rule id prefixes to run (all rules when empty)
     * @param ignore rule id prefixes not to run
     */
    public static Config selectRules(Config config, RuleCatalog catalog, List<String> include, List<String> ignore)
            throws SettingException {
        List<String> inc = trimmed(include);
        List<String> ign = trimmed(ignore);
        List<String> all = new ArrayList<>(inc);
        all.addAll(ign);
        for (String prefix : all) {
            if (!catalog.anyStartsWith(prefix)) {
                throw new SettingException("unknown rule id or prefix '" + prefix + "'");
            }
        }
        return config.withSelection(inc, ign);
    }

    private static List<String> trimmed(List<String> prefixes) {
        return prefixes == null ? List.of() : prefixes.stream().map(String::trim).toList();
    }
}
