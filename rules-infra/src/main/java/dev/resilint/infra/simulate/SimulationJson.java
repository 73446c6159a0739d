package dev.resilint.infra.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The simulation as JSON: {@code verdict} (the worst of the stacks), {@code summary}, and
 * {@code stacks}, each with {@code stack}, {@code files}, {@code verdict} ({@code survives},
 * {@code unknown} or {@code does_not_survive}), {@code summary} (the verdict line), {@code zones}
 * and {@code tiers}: {@code name}, {@code type}, {@code file}, {@code placement} (its kind),
 * {@code note}, {@code loss}, and {@code outcomes} by zone ({@code survives},
 * {@code loses_capacity}, {@code loses_everything}, {@code unknown}).
 */
public final class SimulationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulationJson() {
    }

    /** The simulation as pretty-printed JSON, ending with a line feed. */
    public static String render(Simulation simulation) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("verdict", simulation.worst().id());
        root.put("summary", SimulationText.summary(simulation));
        ArrayNode stacks = root.putArray("stacks");
        for (StackSimulation stack : simulation.stacks()) {
            ObjectNode s = stacks.addObject();
            s.put("stack", stack.name());
            stack.files().forEach(s.putArray("files")::add);
            Verdict verdict = stack.verdict();
            s.put("verdict", verdict.kind().id());
            s.put("summary", verdict.text());
            stack.zones().forEach(s.putArray("zones")::add);
            ArrayNode tiers = s.putArray("tiers");
            for (Tier tier : stack.tiers()) {
                ObjectNode t = tiers.addObject();
                t.put("name", tier.name());
                t.put("type", tier.type());
                t.put("file", tier.file());
                t.put("placement", tier.placement().kind().name().toLowerCase(java.util.Locale.ROOT));
                t.put("note", tier.placement().note());
                t.put("loss", tier.loss());
                ObjectNode outcomes = t.putObject("outcomes");
                for (String zone : stack.zones()) {
                    outcomes.put(zone, stack.outcome(tier, zone).name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(
                new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
