package dev.resilint.infra.simulate;

import dev.resilint.core.report.MarkdownBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The simulation as GitHub-flavoured Markdown: a heading, then per stack its verdict and a table
 * of tiers by zone. {@link #stack} renders one stack, and {@link #blocks} the stacks of a run as
 * blocks of the Markdown report ({@link MarkdownBlock}: verdict, table and Mermaid diagram, or the
 * verdict alone when the report is short of room), for the pull-request report.
 */
public final class SimulationMarkdown {

    private SimulationMarkdown() {
    }

    /** The whole simulation: a heading, the count of verdicts, then every stack. */
    public static String render(Simulation simulation) {
        StringBuilder out = new StringBuilder("## AZ-failure simulation\n\n");
        out.append(SimulationText.summary(simulation)).append(".\n\n");
        for (StackSimulation stack : simulation.stacks()) {
            out.append(stack(stack, "###"));
        }
        return out.toString();
    }

    /** The section of the Markdown report the simulation's blocks go in. */
    public static final String SECTION = "AZ-failure simulation";

    /**
     * The blocks of the Markdown report for the stacks {@code shown} accepts: a first one with the
     * count of their verdicts, then one per stack with zonal tiers (a stack without any has nothing
     * to say about zones), verdicts that do not survive first, then unknown ones, then the others,
     * each in the simulation's order. Nothing when no stack is shown.
     *
     * @param shown which stacks the report covers (with {@code --new-since}, those that changed)
     * @param scope what the stacks are, for the first block: {@code changed stacks}
     */
    public static List<MarkdownBlock> blocks(Simulation simulation, Predicate<StackSimulation> shown, String scope) {
        List<StackSimulation> stacks = simulation.stacks().stream().filter(shown).toList();
        if (stacks.isEmpty()) {
            return List.of();
        }
        List<MarkdownBlock> blocks = new ArrayList<>();
        long quiet = stacks.stream().filter(s -> s.tiers().isEmpty()).count();
        String summary = "The loss of one Availability Zone, simulated for the " + scope + ": "
                + SimulationText.summary(new Simulation(stacks)) + "."
                + (quiet == 0 ? "" : " " + quiet + (quiet == 1 ? " of them has" : " of them have")
                        + " no zonal tiers and " + (quiet == 1 ? "is" : "are") + " not shown.")
                + " `resilint simulate` shows every stack.\n\n";
        blocks.add(new MarkdownBlock(SECTION, summary, summary));
        List<StackSimulation> ordered = new ArrayList<>();
        for (Verdict.Kind kind : List.of(Verdict.Kind.DOES_NOT_SURVIVE, Verdict.Kind.UNKNOWN, Verdict.Kind.SURVIVES)) {
            stacks.stream().filter(s -> !s.tiers().isEmpty() && s.verdict().kind() == kind).forEach(ordered::add);
        }
        for (StackSimulation stack : ordered) {
            blocks.add(new MarkdownBlock(SECTION, stack(stack, "####") + SimulationMermaid.diagram(stack),
                    "- `" + stack.name() + "`: **" + mark(stack.verdict()) + "**: " + escape(stack.verdict().text())
                            + "\n\n"));
        }
        return blocks;
    }

    /** One stack: a heading of level {@code heading} ({@code ###}), its verdict, its table. */
    public static String stack(StackSimulation stack, String heading) {
        StringBuilder out = new StringBuilder();
        out.append(heading).append(" `").append(stack.name()).append("`\n\n");
        Verdict verdict = stack.verdict();
        out.append("**").append(mark(verdict)).append("**: ").append(escape(verdict.text())).append("\n\n");
        if (stack.files().size() > 1) {
            out.append("Nested stacks: ").append(String.join(", ", stack.files().subList(1, stack.files().size())
                    .stream().map(f -> "`" + f + "`").toList())).append("\n\n");
        }
        if (stack.tiers().isEmpty()) {
            return out.toString();
        }
        out.append("| tier | type |");
        stack.zones().forEach(z -> out.append(' ').append(escape(z)).append(" |"));
        out.append(" placement |\n|---|---|");
        stack.zones().forEach(z -> out.append("---|"));
        out.append("---|\n");
        for (Tier tier : stack.tiers()) {
            out.append("| ").append(escape(tier.name())).append(" | `").append(tier.type()).append("` |");
            for (String zone : stack.zones()) {
                Outcome o = stack.outcome(tier, zone);
                String label = o == Outcome.LOSES_EVERYTHING ? "**" + o.label() + "**" : o.label();
                out.append(' ').append(label).append(" |");
            }
            out.append(' ').append(escape(tier.placement().note())).append(" |\n");
        }
        out.append('\n');
        return out.toString();
    }

    private static String mark(Verdict verdict) {
        return switch (verdict.kind()) {
            case SURVIVES -> "Survives";
            case UNKNOWN -> "Unknown";
            case DOES_NOT_SURVIVE -> "Does not survive";
        };
    }

    /** Text safe in a table cell: pipes and Markdown punctuation escaped, no line breaks. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\|*_`[]<>#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }
}
