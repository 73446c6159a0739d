package dev.resilint.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule resilint knows, by id, and where each one actually runs. Used to validate
 * configuration and suppressions, and to generate the rule documentation.
 *
 * <p>A rule's metadata names the sources it is meant for ({@link RuleMetadata#sources()}); the
 * catalog also knows which of them an analyzer runs it on today. A source the metadata names but
 * no analyzer runs yet (a live scan before the live analyzer exists) is planned.
 */
public final class RuleCatalog {

    private final Map<String, RuleMetadata> byId;
    private final Map<String, Set<SourceKind>> runsOn;

    /** A catalog that takes each rule's metadata at its word: it runs on every source it names. */
    public RuleCatalog(List<RuleMetadata> rules) {
        this(rules, Map.of(), true);
    }

    /**
     * A catalog whose rules run where {@code runsOn} says: the sources of the analyzers that run
     * each rule, by rule id (a rule missing from the map runs nowhere yet).
     */
    public RuleCatalog(List<RuleMetadata> rules, Map<String, ? extends Set<SourceKind>> runsOn) {
        this(rules, runsOn, false);
    }

    private RuleCatalog(List<RuleMetadata> rules, Map<String, ? extends Set<SourceKind>> runsOn, boolean asDeclared) {
        List<RuleMetadata> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(RuleMetadata::id));
        Map<String, RuleMetadata> map = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Set<SourceKind>> running = new LinkedHashMap<>();
        for (RuleMetadata rule : sorted) {
            if (map.putIfAbsent(rule.id(), rule) != null) {
                throw new IllegalStateException("two rules share the id " + rule.id());
            }
            String other = names.putIfAbsent(rule.name(), rule.id());
            if (other != null) {
                throw new IllegalStateException("rules " + other + " and " + rule.id() + " share the name " + rule.name());
            }
            Set<SourceKind> kinds = asDeclared ? rule.sources()
                    : runsOn.containsKey(rule.id()) ? runsOn.get(rule.id()) : Set.of();
            running.put(rule.id(), kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds)));
        }
        this.byId = map;
        this.runsOn = running;
    }

    /** All rules, sorted by id. */
    public List<RuleMetadata> rules() {
        return List.copyOf(byId.values());
    }

    public Optional<RuleMetadata> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Finds a rule by id or by name, ignoring case. */
    public Optional<RuleMetadata> lookup(String idOrName) {
        String wanted = idOrName.trim();
        for (RuleMetadata rule : byId.values()) {
            if (rule.id().equalsIgnoreCase(wanted) || rule.name().equalsIgnoreCase(wanted)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** True when at least one rule id starts with {@code prefix}, ignoring case ({@code mq} names MQ01). */
    public boolean anyStartsWith(String prefix) {
        return byId.keySet().stream().anyMatch(id -> startsWithIgnoringCase(id, prefix));
    }

    /** The rule whose id is {@code id}, ignoring case. */
    public Optional<RuleMetadata> findIgnoringCase(String id) {
        return find(id).or(() -> byId.values().stream().filter(r -> r.id().equalsIgnoreCase(id.trim())).findFirst());
    }

    /** Whether {@code ruleId} starts with {@code prefix}, ignoring case: rule prefixes match so everywhere. */
    public static boolean startsWithIgnoringCase(String ruleId, String prefix) {
        return ruleId.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The sources the rule of this id runs on today, in declaration order (template, live, code). */
    public List<SourceKind> runsOn(String id) {
        Set<SourceKind> kinds = runsOn.getOrDefault(id, Set.of());
        return List.of(SourceKind.values()).stream().filter(kinds::contains).toList();
    }

    /** The sources the rule's metadata names that nothing runs it on yet, in declaration order. */
    public List<SourceKind> planned(String id) {
        RuleMetadata rule = byId.get(id);
        if (rule == null) {
            return List.of();
        }
        Set<SourceKind> kinds = runsOn.getOrDefault(id, Set.of());
        return rule.sourcesInOrder().stream().filter(k -> !kinds.contains(k)).toList();
    }
}
