package dev.resilint.infra.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulation as plain text: per stack, its verdict line, then a table of its tiers with one
 * column per zone and the placement each tier's outcomes come from; a count of the verdicts last.
 */
public final class SimulationText {

    private SimulationText() {
    }

    /** The simulation as text, ending with a line feed. */
    public static String render(Simulation simulation) {
        StringBuilder out = new StringBuilder();
        for (StackSimulation stack : simulation.stacks()) {
            out.append(stack.name()).append(": ").append(stack.verdict().text()).append('\n');
            if (stack.files().size() > 1) {
                out.append("  with nested stacks: ").append(String.join(", ", stack.files().subList(1, stack.files().size())))
                        .append('\n');
            }
            if (!stack.tiers().isEmpty()) {
                table(stack, out);
            }
            out.append('\n');
        }
        out.append(summary(simulation)).append('\n');
        return out.toString();
    }

    /** {@code 4 stacks: 2 do not survive the loss of a zone, 1 unknown, 1 survives}. */
    public static String summary(Simulation simulation) {
        int n = simulation.stacks().size();
        List<String> parts = new ArrayList<>();
        long lost = count(simulation, Verdict.Kind.DOES_NOT_SURVIVE);
        long unknown = count(simulation, Verdict.Kind.UNKNOWN);
        long survive = count(simulation, Verdict.Kind.SURVIVES);
        if (lost > 0) {
            parts.add(lost + (lost == 1 ? " does" : " do") + " not survive the loss of a zone");
        }
        if (unknown > 0) {
            parts.add(unknown + " unknown");
        }
        if (survive > 0) {
            parts.add(survive + " survive" + (survive == 1 ? "s" : ""));
        }
        return n + (n == 1 ? " stack" : " stacks") + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private static long count(Simulation simulation, Verdict.Kind kind) {
        return simulation.stacks().stream().filter(s -> s.verdict().kind() == kind).count();
    }

    private static void table(StackSimulation stack, StringBuilder out) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("tier");
        header.addAll(stack.zones());
        header.add("placement");
        rows.add(header);
        for (Tier tier : stack.tiers()) {
            List<String> row = new ArrayList<>();
            row.add(tier.name());
            for (String zone : stack.zones()) {
                row.add(stack.outcome(tier, zone).label());
            }
            row.add(tier.placement().note());
            rows.add(row);
        }
        int columns = header.size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                line.append(row.get(i));
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
