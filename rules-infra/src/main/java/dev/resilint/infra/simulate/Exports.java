package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exports of every graph of a run, by name, so that the subnets a stack imports
 * ({@code Fn::ImportValue orders-private-subnet-a}) are placed where the exporting stack puts
 * them. An export that two graphs define is ambiguous and stays unknown.
 */
final class Exports {

    /** The prefix of the detail the template evaluator gives an {@code Fn::ImportValue} of a literal name. */
    static final String IMPORT_PREFIX = "Fn::ImportValue ";

    private static final int MAX_DEPTH = 8;

    /** One export: the graph that defines it and its value there. */
    private record Entry(SimulationGraph graph, Value value) {
    }

    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final Map<String, String> ambiguous = new LinkedHashMap<>();

    /** Records the exports of {@code graph}. */
    void add(SimulationGraph graph, Map<String, Value> exports) {
        exports.forEach((name, value) -> {
            Entry previous = byName.putIfAbsent(name, new Entry(graph, value));
            if (previous != null && previous.graph() != graph) {
                ambiguous.put(name, previous.graph().file() + " and " + graph.file());
            }
        });
    }

    /** The export name an unknown value imports, when it is an {@code Fn::ImportValue} of a literal name. */
    static Optional<String> importedName(Value.Unknown value) {
        if (value.reason() == Value.Reason.IMPORT && value.detail().startsWith(IMPORT_PREFIX)) {
            return Optional.of(value.detail().substring(IMPORT_PREFIX.length()).trim());
        }
        return Optional.empty();
    }

    /** The zones of the subnets an import stands for, or unknown (the import itself, when nothing in the run exports it). */
    AzSet zonesOfSubnets(Value.Unknown imported, int depth) {
        Optional<String> name = importedName(imported);
        if (name.isEmpty() || depth > MAX_DEPTH) {
            return AzSet.unknown(imported);
        }
        if (ambiguous.containsKey(name.get())) {
            return AzSet.unknown(Value.unknown(Value.Reason.IMPORT, "export " + name.get() + " is defined by "
                    + ambiguous.get(name.get())));
        }
        Entry entry = byName.get(name.get());
        if (entry == null) {
            return AzSet.unknown(Value.unknown(Value.Reason.IMPORT, "export " + name.get()
                    + " is not defined by the templates simulated"));
        }
        return entry.graph().zonesOfSubnets(entry.value(), depth + 1);
    }
}
