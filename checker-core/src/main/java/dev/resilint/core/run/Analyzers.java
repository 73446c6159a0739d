package dev.resilint.core.run;

import dev.resilint.core.CoreRules;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The analyzers of one run, and the rule catalog they make up together. The command line and the
 * Maven plugin each choose theirs: they are the only places that wire sources to rules.
 */
public final class Analyzers {

    private final List<Analyzer> analyzers;

    public Analyzers(List<Analyzer> analyzers) {
        List<Analyzer> sorted = new ArrayList<>(analyzers);
        sorted.sort(Comparator.comparing(Analyzer::name));
        this.analyzers = List.copyOf(sorted);
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
