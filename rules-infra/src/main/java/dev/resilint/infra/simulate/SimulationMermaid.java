package dev.resilint.infra.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A stack's tiers and the zones each one uses as a Mermaid flowchart (GitHub renders a
 * {@code mermaid} fenced block as a diagram): one node per zone, one per tier, and an arrow from a
 * tier to each zone it runs in. A thick arrow marks the zone a tier runs in alone (lost with it), a
 * dotted one the zones a tier runs in one of (a single-AZ database) or a zone that cannot be known.
 * Tiers that do not survive some zone's loss are red, unknown ones grey and dashed, the others
 * green, so a reviewer sees the single-zone tier at a glance.
 */
public final class SimulationMermaid {

    private static final String UNKNOWN_ZONE = "zu";

    private SimulationMermaid() {
    }

    /** The diagram of {@code stack}, as a fenced block ending with a blank line; empty for a stack without tiers. */
    public static String diagram(StackSimulation stack) {
        if (stack.tiers().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("```mermaid\nflowchart LR\n");
        List<String> zones = stack.zones();
        for (int z = 0; z < zones.size(); z++) {
            out.append("  z").append(z).append("([\"").append(label(zones.get(z))).append("\"])\n");
        }
        boolean unknownZone = false;
        List<String> edges = new ArrayList<>();
        for (int t = 0; t < stack.tiers().size(); t++) {
            Tier tier = stack.tiers().get(t);
            String id = "t" + t;
            Placement placement = tier.placement();
            boolean oneZone = placement.kind() == Placement.Kind.ONE_OF_ZONES;
            Set<String> candidates = placement.zonesNamed();
            boolean lost = oneZone;
            boolean unknown = false;
            int tierEdges = edges.size();
            for (int z = 0; z < zones.size(); z++) {
                String zone = zones.get(z);
                Outcome outcome = stack.outcome(tier, zone);
                switch (outcome) {
                    case LOSES_EVERYTHING -> {
                        edges.add("  " + id + " ==>|alone| z" + z);
                        lost = true;
                    }
                    case LOSES_CAPACITY -> edges.add("  " + id + " --> z" + z);
                    case UNKNOWN -> {
                        if (oneZone && candidates.contains(zone)) {
                            edges.add("  " + id + " -.->|one of| z" + z);
                        } else if (!oneZone) {
                            unknown = true;
                        }
                    }
                    case SURVIVES -> { }
                }
            }
            if (oneZone && candidates.isEmpty() && edges.size() == tierEdges || unknown) {
                edges.add("  " + id + " -.->|" + (oneZone ? "one of" : "unknown") + "| " + UNKNOWN_ZONE);
                unknownZone = true;
            }
            String kind = lost ? "lost" : unknown ? "unknown" : "survives";
            out.append("  ").append(id).append("[\"").append(label(tier.name())).append("<br/>")
                    .append(label(status(stack, tier, lost, unknown))).append("\"]:::").append(kind).append('\n');
        }
        if (unknownZone) {
            out.append("  ").append(UNKNOWN_ZONE).append("([\"zone unknown\"])\n");
        }
        edges.forEach(e -> out.append(e).append('\n'));
        out.append("  classDef lost fill:#ffe0e0,stroke:#c00000,color:#000\n")
                .append("  classDef unknown fill:#eeeeee,stroke:#777777,stroke-dasharray:4 3,color:#000\n")
                .append("  classDef survives fill:#e3f5e1,stroke:#2e7d32,color:#000\n")
                .append("```\n\n");
        return out.toString();
    }

    /** What the loss of a zone does to the tier, in a few words. */
    private static String status(StackSimulation stack, Tier tier, boolean lost, boolean unknown) {
        if (lost) {
            return "loses " + tier.loss();
        }
        if (unknown) {
            return "placement unknown";
        }
        return tier.placement().kind() == Placement.Kind.EVERY_ZONE ? "fails over or runs everywhere"
                : "keeps capacity";
    }

    /** Text inside a quoted Mermaid label: quotes and angle brackets as Mermaid's entity codes, no line breaks. */
    static String label(String text) {
        return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace('\n', ' ').replace('\r', ' ').replace('`', '\'');
    }
}
