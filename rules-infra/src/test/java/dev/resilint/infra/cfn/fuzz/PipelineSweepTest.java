package dev.resilint.infra.cfn.fuzz;

import dev.resilint.core.tree.MapNode;
import org.junit.jupiter.api.Test;

/**
 * The targets of {@link PipelineFuzzTest} without coverage guidance: input {@code i} is built by
 * {@link TemplateGrammar} or {@link TemplateMutator} from {@link RandomData} seeded with {@code i},
 * and goes through the whole {@link Pipeline}. It runs {@code -Dresilint.fuzz.sweep=N} inputs
 * (200 by default, seconds) starting at {@code -Dresilint.fuzz.from=S}, at most
 * {@code -Dresilint.fuzz.seconds=T} seconds; {@code bench/fuzz.sh}
 * runs it for the bulk of its million inputs. A failing input names its seed and prints its
 * template as YAML, so that it replays with {@code -Dresilint.fuzz.from=SEED -Dresilint.fuzz.sweep=1}.
 */
class PipelineSweepTest {

    /** Data per input: enough for the grammar's largest template. */
    private static final int BYTES = 4096;

    @Test
    void randomTemplatesGoThroughEveryRule() {
        long from = Long.getLong("resilint.fuzz.from", 0);
        long count = Long.getLong("resilint.fuzz.sweep", 200);
        long seconds = Long.getLong("resilint.fuzz.seconds", Long.MAX_VALUE / 2_000_000_000L); // a time limit
        long slowest = 0;
        long slowestSeed = from;
        long start = System.nanoTime();
        long done = 0;
        for (long seed = from; seed < from + count; seed++) {
            if ((System.nanoTime() - start) / 1_000_000_000L >= seconds) {
                break;
            }
            done++;
            RandomData data = new RandomData(seed, BYTES);
            MapNode root = data.consumeBoolean() ? TemplateGrammar.template(data) : TemplateMutator.mutated(data);
            long t0 = System.nanoTime();
            try {
                Pipeline.judge(root, "sweep.yaml");
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("input " + seed + " failed: " + e + "\n--- input as YAML\n" + Reproduce.yaml(root), e);
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            if (millis > slowest) {
                slowest = millis;
                slowestSeed = seed;
            }
            if (millis > PipelineFuzzTest.SLOW_MILLIS && seed != from) { // the first one loads every rule's classes
                throw new AssertionError("input " + seed + " took " + millis + " ms\n--- input as YAML\n" + Reproduce.yaml(root));
            }
            if ((seed - from + 1) % 10_000 == 0) {
                System.out.printf("sweep: %d inputs, %d s%n", seed - from + 1, (System.nanoTime() - start) / 1_000_000_000L);
            }
        }
        System.out.printf("sweep: %d inputs from seed %d in %d s; slowest %d ms (seed %d)%n", done, from,
                (System.nanoTime() - start) / 1_000_000_000L, slowest, slowestSeed);
    }
}
