package dev.resilint.infra.simulate;

/**
 * The simulation as GitHub-flavoured Markdown: a heading, then per stack its verdict and a table
 * of tiers by zone. {@link #stack} renders one stack, for reports that embed the verdict of the
 * stacks a pull request changes.
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

    /** One stack: a heading of level {@code heading} ({@code ###}), its verdict, its table. */
    public static String stack(StackSimulation stack, String heading) {
        StringBuilder out = new StringBuilder();
        out.append(heading).append(" `").append(stack.name()).append("`\n\n");
        Verdict verdict = stack.verdict();
        String mark = switch (verdict.kind()) {
            case SURVIVES -> "Survives";
            case UNKNOWN -> "Unknown";
            case DOES_NOT_SURVIVE -> "Does not survive";
        };
        out.append("**").append(mark).append("**: ").append(escape(verdict.text())).append("\n\n");
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
