package dev.resilint.core.run;

import dev.resilint.core.CoreRules;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * All rules of all analyzers plus resilint's own (RL01), each with the sources it runs on: the
     * kinds of the analyzers that list it. resilint's own rules judge the inputs of every analyzer,
     * so they run on each analyzer's kind that their metadata names.
     */
    public RuleCatalog catalog() {
        List<RuleMetadata> rules = new ArrayList<>(CoreRules.all());
        Map<String, Set<SourceKind>> runsOn = new HashMap<>();
        Set<SourceKind> kinds = EnumSet.noneOf(SourceKind.class);
        for (Analyzer a : analyzers) {
            kinds.add(a.kind());
            for (RuleMetadata r : a.rules()) {
                if (rules.stream().noneMatch(x -> x.id().equals(r.id()))) {
                    rules.add(r);
                }
                runsOn.computeIfAbsent(r.id(), k -> EnumSet.noneOf(SourceKind.class)).add(a.kind());
            }
        }
        for (RuleMetadata core : CoreRules.all()) {
            Set<SourceKind> own = EnumSet.noneOf(SourceKind.class);
            kinds.stream().filter(core.sources()::contains).forEach(own::add);
            runsOn.put(core.id(), own);
        }
        return new RuleCatalog(rules, runsOn);
    }
}
