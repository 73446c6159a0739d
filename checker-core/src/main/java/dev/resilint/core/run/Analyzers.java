package dev.resilint.core.run;

import dev.resilint.core.CoreRules;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The analyzers on the class path, and the rule catalog they make up together. */
public final class Analyzers {

    private final List<Analyzer> analyzers;

    public Analyzers(List<Analyzer> analyzers) {
        List<Analyzer> sorted = new ArrayList<>(analyzers);
        sorted.sort(Comparator.comparing(Analyzer::name));
        this.analyzers = List.copyOf(sorted);
    }

    /** Every analyzer registered in {@code META-INF/services/dev.resilint.core.run.Analyzer}. */
    public static Analyzers load(ClassLoader loader) {
        List<Analyzer> found = new ArrayList<>();
        ServiceLoader.load(Analyzer.class, loader).forEach(found::add);
        return new Analyzers(found);
    }

    public static Analyzers load() {
        return load(Analyzers.class.getClassLoader());
    }

    public List<Analyzer> all() {
        return analyzers;
    }

    public Optional<Analyzer> find(String name) {
        return analyzers.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** All rules of all analyzers plus resilint's own (RL01). */
    public RuleCatalog catalog() {
        List<RuleMetadata> rules = new ArrayList<>(CoreRules.all());
        for (Analyzer a : analyzers) {
            for (RuleMetadata r : a.rules()) {
                if (rules.stream().noneMatch(x -> x.id().equals(r.id()))) {
                    rules.add(r);
                }
            }
        }
        return new RuleCatalog(rules);
    }
}
