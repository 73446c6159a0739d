package dev.resilint.bench;

import dev.resilint.core.Engine;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.TemplateFile;
import dev.resilint.infra.cfn.TemplateGraphs;
import dev.resilint.infra.cfn.TemplateLoader;
import dev.resilint.infra.cfn.sam.SamTransform;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.rules.InfraRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse plus evaluate throughput in one warm JVM: every template of the corpus (read into memory
 * once) is loaded, SAM-expanded, turned into a graph, every top-level property of every resource
 * evaluated, and all infrastructure rules run. The score is corpus passes per second; divide the
 * template count (printed at setup) by the time per pass for templates per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TemplateBenchmark {

    /** The corpus directory; {@code -p corpus=...} overrides it. */
    @Param("../shared/corpus")
    public String corpus;

    private final List<String[]> templates = new ArrayList<>();
    private TemplateLoader loader;
    private Engine engine;

    @Setup
    public void load() throws IOException {
        loader = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES);
        engine = new Engine(Config.defaults());
        try (Stream<Path> files = Files.walk(Path.of(corpus))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                        || name.endsWith(".template"))) {
                    continue;
                }
                String text;
                try {
                    text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    continue;
                }
                try {
                    MapNode root = loader.parse(text, name);
                    if (TemplateGraphs.isTemplate(root)) {
                        templates.add(new String[] {name, text});
                    }
                } catch (TreeReadException e) {
                    // broken files are not part of the throughput measurement
                }
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no templates under " + Path.of(corpus).toAbsolutePath());
        }
        System.out.println("# templates per pass: " + templates.size());
    }

    @Benchmark
    public void parseEvaluateAndCheck(Blackhole bh) throws TreeReadException {
        for (String[] t : templates) {
            MapNode root = SamTransform.expand(loader.parse(t[1], t[0]), t[0]);
            ResourceGraph graph = TemplateGraphs.build(new TemplateFile(t[0], root));
            for (Resource r : graph.resources()) {
                for (String key : r.properties().keys()) {
                    bh.consume(TemplateGraphs.evaluator(graph).property(r, key));
                }
            }
            Results results = new Results();
            GraphRules.run(engine, InfraRules.all(), graph, results);
            bh.consume(results);
        }
    }

    @Benchmark
    public void parseOnly(Blackhole bh) throws TreeReadException {
        for (String[] t : templates) {
            bh.consume(loader.parse(t[1], t[0]));
        }
    }
}
