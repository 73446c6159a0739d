package dev.resilint.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule resilint knows, by id. Used to validate configuration and suppressions. */
public final class RuleCatalog {

    private final Map<String, RuleMetadata> byId;

    public RuleCatalog(List<RuleMetadata> rules) {
        List<RuleMetadata> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(RuleMetadata::id));
        Map<String, RuleMetadata> map = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (RuleMetadata rule : sorted) {
            if (map.putIfAbsent(rule.id(), rule) != null) {
                throw new IllegalStateException("two rules share the id " + rule.id());
            }
            String other = names.putIfAbsent(rule.name(), rule.id());
            if (other != null) {
                throw new IllegalStateException("rules " + other + " and " + rule.id() + " share the name " + rule.name());
            }
        }
        this.byId = map;
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

    /** True when at least one rule id starts with {@code prefix}. */
    public boolean anyStartsWith(String prefix) {
        return byId.keySet().stream().anyMatch(id -> id.startsWith(prefix));
    }
}
