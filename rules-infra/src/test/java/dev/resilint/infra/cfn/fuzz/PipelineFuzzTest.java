package dev.resilint.infra.cfn.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.resilint.core.tree.MapNode;

/**
 * Fuzzes everything after the loader with Jazzer, on structured inputs: templates built by
 * {@link TemplateGrammar} from the fuzzer's data, and real templates mutated by
 * {@link TemplateMutator}. Each goes through the SAM transform, Metadata suppressions, the graph,
 * the evaluator and every infrastructure rule ({@link Pipeline}); the only exception allowed is an
 * input error. An internal error (a rule that throws), any other exception or a hang is a finding.
 *
 * <p>As with {@code TemplateFuzzTest}, the {@code fuzz-pipeline} surefire execution in
 * {@code rules-infra/pom.xml} runs this class alone with {@code JAZZER_FUZZ=1} for its
 * {@code maxDuration}; {@code bench/fuzz.sh} runs it for a million inputs. Crashing inputs go to
 * {@code rules-infra/target/jazzer/}; each one found is kept as a regression test in
 * {@code PipelineRegressionTest}.
 */
class PipelineFuzzTest {

    /**
     * An input that takes longer than this is a finding: a rule or the evaluator is close to
     * hanging (a real hang is stopped by libFuzzer's {@code -timeout}). Measured after the warm-up
     * below, on a machine that may be busy: one template normally takes a few milliseconds.
     */
    static final long SLOW_MILLIS = 5_000;

    static {
        // the first run of every rule loads and instruments its classes (seconds): not the input's time
        for (MapNode seed : TemplateMutator.SEEDS) {
            Pipeline.judge(seed, "seed.yaml");
        }
    }

    @FuzzTest(maxDuration = "8s")
    void fuzzPipeline(FuzzedDataProvider data) {
        boolean grammar = data.consumeBoolean();
        MapNode root = grammar ? TemplateGrammar.template(data) : TemplateMutator.mutated(data);
        if (Boolean.getBoolean("resilint.fuzz.print")) { // replaying a crash: show the template
            System.out.println("--- input as YAML\n" + Reproduce.yaml(root));
        }
        long start = System.nanoTime();
        Pipeline.judge(root, "fuzz.yaml");
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > SLOW_MILLIS) {
            throw new AssertionError("one template took " + millis + " ms (more than " + SLOW_MILLIS + ")");
        }
    }
}
