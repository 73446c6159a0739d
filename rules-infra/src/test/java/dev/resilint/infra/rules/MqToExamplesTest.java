package dev.resilint.infra.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MQ and TO rules report exactly the problems {@code examples/README.md} lists, and nothing in the fixed twin. */
class MqToExamplesTest {

    private static final List<String> RULES = List.of("MQ01", "MQ03", "MQ07", "TO02");
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    private static Results analyze(String twin) {
        Results results = MqToAnalysis.analyze(EXAMPLES, RULES, EXAMPLES.resolve(twin));
        assertThat(results.problems()).isEmpty();
        return results;
    }

    private static String describe(Finding f) {
        Location.Template loc = (Location.Template) f.location();
        return loc.file() + " " + loc.resourceId() + " " + f.ruleId();
    }

    @Test
    void flawedTwinHasTheListedProblems() {
        List<Finding> findings = analyze("flawed").findings();
        assertThat(findings).extracting(MqToExamplesTest::describe).containsExactlyInAnyOrder(
                "flawed/async.yaml OrderEventsQueue MQ03",
                "flawed/async.yaml ShipmentUpdatesQueue MQ01",
                "flawed/async.yaml FulfilmentStateMachine MQ07",
                "flawed/async.yaml FulfilmentStateMachine MQ07",
                "flawed/edge.yaml OrderStatusFunction TO02");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("MQ07")).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("'ReserveStock'").contains("without JitterStrategy"))
                .anySatisfy(m -> assertThat(m).contains("'ChargePayment'").contains("has no Retry"));
    }

    @Test
    void fixedTwinIsClean() {
        assertThat(analyze("fixed").findings()).isEmpty();
    }
}
