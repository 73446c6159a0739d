package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.run.InputProgress;
import dev.resilint.infra.rules.InfraRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates judged on several threads give exactly what one thread gives: the same findings,
 * problems, notes, files and gaps in the same order, the same built templates in the same order, and
 * progress counted in order; nested stacks shared by two parents go to the first parent, as before.
 */
class TemplateTasksTest {

    @TempDir
    Path dir;

    static final String QUEUE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Q%d: {Type: AWS::SQS::Queue}
              Db%d: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres, MultiAZ: false}}
            """;

    static final String PARENT = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Shared:
                Type: AWS::CloudFormation::Stack
                Properties: {TemplateURL: nested/shared.yaml, Parameters: {Name: %s}}
            """;

    static final String SHARED = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Name: {Type: String}
            Resources:
              Q: {Type: AWS::SQS::Queue, Properties: {QueueName: !Ref Name}}
            """;

    /** What a run gave, with everything whose order a report could show. */
    record Run(List<String> findings, List<String> problems, List<String> notes, List<String> files,
            List<String> gaps, List<String> built, List<Integer> progress) {
    }

    static Run run(Path root, List<Path> inputs, int threads) {
        List<String> built = Collections.synchronizedList(new ArrayList<>());
        List<Integer> progress = Collections.synchronizedList(new ArrayList<>());
        InputProgress counting = (done, total) -> progress.add(done);
        Results r = new CloudFormationAnalyzer(InfraRules.all(), b -> built.add(b.graph().name()), threads)
                .analyze(new AnalysisRequest(inputs, root, Config.defaults(), List.of(), true, Optional.empty(), counting));
        return new Run(r.findings().stream().map(f -> f.ruleId() + " " + f.location() + " " + f.message()).toList(),
                r.problems().stream().map(p -> p.display()).toList(), r.notes(), r.files(),
                r.notEvaluated().stream().map(Object::toString).toList(), List.copyOf(built), List.copyOf(progress));
    }

    @Test
    void manyThreadsGiveWhatOneThreadGivesInTheSameOrder() throws IOException {
        for (int i = 0; i < 30; i++) {
            Files.writeString(dir.resolve("t" + i + ".yaml"), QUEUE.formatted(i, i));
        }
        Files.createDirectories(dir.resolve("nested"));
        Files.writeString(dir.resolve("nested/shared.yaml"), SHARED);
        Files.writeString(dir.resolve("a-parent.yaml"), PARENT.formatted("first"));
        Files.writeString(dir.resolve("z-parent.yaml"), PARENT.formatted("second"));
        Files.writeString(dir.resolve("broken.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n");
        Files.writeString(dir.resolve("other.yaml"), "name: not a template\n");
        Files.createSymbolicLink(dir.resolve("t0-again.yaml"), dir.resolve("t0.yaml"));

        Run one = run(dir, List.of(dir), 1);
        Run four = run(dir, List.of(dir), 4);

        assertThat(four).isEqualTo(one);
        assertThat(one.findings()).hasSizeGreaterThan(30);
        assertThat(one.files()).hasSize(33).contains("nested/shared.yaml");
        assertThat(one.notes()).contains("nested/shared.yaml: template of nested stack Shared in a-parent.yaml")
                .contains("z-parent.yaml: nested stack Shared: nested/shared.yaml was already analyzed");
        assertThat(one.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("broken.yaml:"));
        assertThat(one.built()).startsWith("a-parent.yaml", "nested/shared.yaml").hasSize(33).doesNotHaveDuplicates();
        assertThat(one.progress()).isSorted().endsWith(one.progress().size() - 1);
    }

    @Test
    void theCorpusGetsTheSameResultsOnOneThreadAndOnFour() {
        Path corpus = CorpusTest.corpus();
        assumeTrue(Files.isDirectory(corpus), "corpus not present at " + corpus);

        Run one = run(corpus, List.of(corpus), 1);
        Run four = run(corpus, List.of(corpus), 4);

        assertThat(four.findings()).containsExactlyElementsOf(one.findings());
        assertThat(four).isEqualTo(one);
        assertThat(one.files()).hasSizeGreaterThan(400);
    }

    @Test
    void aTemplateWhoseAnalysisNeverEndsIsAnInternalErrorNamingItAndTheOthersAreStillMerged() throws Exception {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        Results results = new Results();
        List<Integer> progress = new ArrayList<>();
        CloudFormationAnalyzer.Session session = new CloudFormationAnalyzer.Session(
                new AnalysisRequest(List.of(dir), dir, Config.defaults(), List.of()), new TemplateLoader(1 << 20),
                results, b -> { }, java.util.concurrent.ConcurrentHashMap.newKeySet(),
                new java.util.concurrent.ConcurrentHashMap<>(), java.util.concurrent.ConcurrentHashMap.newKeySet());
        Runnable notInTurn = () -> { }; // with two threads every step runs on a worker
        List<TemplateTasks.Step> steps = List.of(
                TemplateTasks.Step.alone(new TemplateTasks.Task("a.yaml", own -> own.results().addFile("a.yaml")), notInTurn),
                TemplateTasks.Step.alone(new TemplateTasks.Task("stuck.yaml", own -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }), notInTurn),
                TemplateTasks.Step.alone(new TemplateTasks.Task("c.yaml", own -> own.results().addFile("c.yaml")), notInTurn));

        try {
            TemplateTasks.run(2, java.time.Duration.ofMillis(300), session, steps, progress::add);
        } finally {
            never.countDown();
        }

        assertThat(results.files()).containsExactly("a.yaml", "c.yaml");
        assertThat(results.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(dev.resilint.core.Problem.Kind.INTERNAL_ERROR);
            assertThat(p.file()).isEqualTo("stuck.yaml");
            assertThat(p.message()).contains("did not finish within 300 ms");
        });
        assertThat(progress).containsExactly(1, 2, 3);
    }

    @Test
    void mapGivesTheResultsInTheItemsOrderWhateverFinishesFirst() {
        List<Integer> items = java.util.stream.IntStream.range(0, 40).boxed().toList();

        List<Integer> squares = TemplateTasks.map(3, items, i -> {
            try {
                Thread.sleep((40 - i) % 7); // later items often finish first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i * i;
        }, i -> -1);

        assertThat(squares).containsExactlyElementsOf(items.stream().map(i -> i * i).toList());
    }

    @Test
    void aThreadCountBelowOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CloudFormationAnalyzer(InfraRules.all(), b -> { }, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
