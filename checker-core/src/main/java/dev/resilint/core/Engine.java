package dev.resilint.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the enabled rules over a target and collects what they report. A rule that throws does not
 * stop the run: it becomes an internal-error {@link Problem} for that rule (exit code 3) and the
 * other rules go on.
 */
public final class Engine {

    /** Deterministic order: file, line, column, subject, rule, message, fingerprint. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(f -> f.location().subject())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(Finding::fingerprint);

    private final RuleSettings config;

    public Engine(RuleSettings config) {
        this.config = config;
    }

    /** The settings rules run with. */
    public RuleSettings settings() {
        return config;
    }

    /** The rules of {@code rules} that the configuration enables. */
    public <R extends Rule<?>> List<R> enabled(List<R> rules) {
        return rules.stream().filter(r -> config.isEnabled(r.id())).toList();
    }

    /** The severity a rule's findings get: the configured override, else the default. */
    public Severity severityOf(RuleMetadata rule) {
        return config.severity().getOrDefault(rule.id(), rule.defaultSeverity());
    }

    /**
     * Runs every enabled rule on {@code target}.
     *
     * @param targetName how problems name the target (usually its file)
     * @param out where findings and problems go
     */
    public <T> void run(List<? extends Rule<T>> rules, T target, String targetName, Results out) {
        for (Rule<T> rule : rules) {
            if (config.isEnabled(rule.id())) {
                runOne(rule, target, targetName, out);
            }
        }
    }

    /**
     * Runs one rule on {@code target}, enabled or not (the caller has decided). A rule that throws
     * becomes an internal-error problem; its findings up to then are kept.
     */
    public <T> void runOne(Rule<T> rule, T target, String targetName, Results out) {
        RuleMetadata meta = rule.metadata();
        Context context = new Context(meta, severityOf(meta), out);
        try {
            rule.check(target, context);
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            out.addProblem(Problem.internal(rule.id(), targetName, describe(e)));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage());
        }
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) {
            sb.append(" (at ").append(trace[0]).append(')');
        }
        return sb.toString();
    }

    /**
     * Sorts findings and makes fingerprints unique: the second and later findings with one
     * fingerprint (in sorted order) get a fingerprint derived from it and their occurrence number,
     * which differs from every other fingerprint in the list.
     */
    public static List<Finding> normalize(List<Finding> findings) {
        List<Finding> result = new ArrayList<>(uniqueFingerprints(findings));
        result.sort(ORDER);
        return result;
    }

    /**
     * The findings in their order, with fingerprints made unique as {@link #normalize} does (in
     * sorted order), so that each finding can be told from its input.
     */
    public static List<Finding> uniqueFingerprints(List<Finding> findings) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> ORDER.compare(findings.get(a), findings.get(b)));
        Set<String> taken = new HashSet<>();
        for (Finding f : findings) {
            taken.add(f.fingerprint());
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> result = new ArrayList<>(findings);
        for (int i : order) {
            Finding f = findings.get(i);
            int n = seen.merge(f.fingerprint(), 1, Integer::sum);
            if (n > 1) {
                String unique = Fingerprints.repeated(f.fingerprint(), n);
                for (int k = n + 1; !taken.add(unique); k++) {
                    unique = Fingerprints.repeated(f.fingerprint(), k);
                }
                result.set(i, f.withFingerprint(unique));
            }
        }
        return result;
    }

    private final class Context implements RuleContext {
        private final RuleMetadata meta;
        private final Severity severity;
        private final Results out;

        Context(RuleMetadata meta, Severity severity, Results out) {
            this.meta = meta;
            this.severity = severity;
            this.out = out;
        }

        @Override
        public void report(Location location, String message, String discriminator) {
            out.addFinding(Finding.of(meta.id(), severity, message, location, discriminator));
        }

        private Object value(String name) {
            RuleParameter param = meta.parameter(name);
            return config.ruleParameters().getOrDefault(meta.id(), Map.of()).getOrDefault(name, param.defaultValue());
        }

        @Override
        public int intParameter(String name) {
            return (Integer) value(name);
        }

        @Override
        public boolean booleanParameter(String name) {
            return (Boolean) value(name);
        }

        @Override
        public String stringParameter(String name) {
            return (String) value(name);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<String> listParameter(String name) {
            return (List<String>) value(name);
        }

        @Override
        public List<String> requiredTags() {
            return config.requiredTags();
        }
    }
}
