package dev.resilint.infra.cfn;

import dev.resilint.core.CoreRules;
import dev.resilint.core.DisplayPaths;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.run.Analyzer;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.TemplateDiscovery.Candidate;
import dev.resilint.infra.cfn.sam.SamTransform;
import dev.resilint.infra.graph.ParentStack;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.InfraRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges CloudFormation templates. Files named on the command line must be templates; below a
 * named directory, files are recognized by content (a {@code Resources} map plus
 * {@code AWSTemplateFormatVersion} or {@code AWS::} types) and other YAML or JSON files are skipped
 * quietly (listed with {@code --verbose}). Each file is analyzed once, however it is reached.
 *
 * <p>In AWS CDK output ({@code cdk.out}) only the synthesized {@code *.template.json} files are
 * judged. The local templates of nested stacks ({@code AWS::CloudFormation::Stack} with a local
 * {@code TemplateURL}) are analyzed with their parent, even when they lie outside the paths named;
 * see {@link NestedStacks}.
 */
public final class CloudFormationAnalyzer implements Analyzer {

    public static final String NAME = "cloudformation";

    private final List<InfraRule> rules;

    /** An analyzer that runs {@code rules} on every template. */
    public CloudFormationAnalyzer(List<? extends InfraRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.TEMPLATE;
    }

    @Override
    public List<RuleMetadata> rules() {
        return rules.stream().map(InfraRule::metadata)
                .filter(m -> m.sources().contains(SourceKind.TEMPLATE)).toList();
    }

    @Override
    public Results analyze(AnalysisRequest request) {
        long maxBytes = request.config().maxFileSizeBytes();
        TemplateLoader loader = new TemplateLoader(maxBytes);
        Results results = new Results();
        List<Candidate> candidates = candidates(request, results);
        // A template nested by another one is analyzed with its parent, which passes it parameter
        // values, whatever their order. The second loop catches nested templates whose parent could
        // not be analyzed (unreadable, or a nesting cycle); analyzeFile skips files already analyzed.
        NestedStacks.Index index = NestedStacks.index(candidates.stream().map(Candidate::path).toList(), loader,
                maxBytes);
        Session session = new Session(request, loader, results, new HashSet<>(), new HashMap<>(index.parsed()));
        Set<Path> nested = index.nested();
        for (Candidate c : candidates) {
            if (!nested.contains(NestedStacks.realPath(c.path()))) {
                analyzeFile(c.path(), c.explicit(), Optional.empty(), Optional.empty(), Optional.empty(), session);
            }
        }
        for (Candidate c : candidates) {
            analyzeFile(c.path(), c.explicit(), Optional.empty(), Optional.empty(), Optional.empty(), session);
        }
        return session.results();
    }

    /**
     * What one {@link #analyze} call works with: the files it analyzed (by real path), and the
     * templates the nested-stack index already parsed (by real path, taken out when used).
     */
    private record Session(AnalysisRequest request, TemplateLoader loader, Results results, Set<Path> analyzed,
            Map<Path, MapNode> parsed) {
    }

    /** The files named (explicit), and the candidates found below the directories named. */
    private static List<Candidate> candidates(AnalysisRequest request, Results results) {
        Path workDir = request.workingDirectory();
        List<Candidate> candidates = new ArrayList<>();
        for (Path input : request.inputs()) {
            Path resolved = workDir.resolve(input);
            if (Files.isDirectory(resolved)) {
                List<String> notes = new ArrayList<>();
                try {
                    TemplateDiscovery.walk(resolved, notes, p -> DisplayPaths.display(p, workDir))
                            .forEach(f -> candidates.add(new Candidate(f, false)));
                } catch (IOException e) {
                    results.addProblem(Problem.input(DisplayPaths.display(resolved, workDir), 0, 0,
                            "cannot list directory: " + e.getMessage()));
                }
                notes.forEach(results::addNote);
            } else {
                // if missing, analyzeFile says so
                candidates.add(new Candidate(resolved, request.namedFilesMustBeTemplates()));
            }
        }
        return candidates;
    }

    /**
     * Analyzes one file, unless it was already analyzed, and then the local templates of its
     * nested stacks. {@code parent} and {@code parameterValues} are set for a nested template.
     */
    private void analyzeFile(Path file, boolean explicit, Optional<ParentStack> parent,
            Optional<MapNode> parameterValues, Optional<Value> passedParameters, Session session) {
        AnalysisRequest request = session.request();
        Results results = session.results();
        Path realPath = NestedStacks.realPath(file);
        if (!session.analyzed().add(realPath)) {
            return;
        }
        String display = DisplayPaths.display(file, request.workingDirectory());
        if (explicit && !Files.exists(file)) {
            results.addProblem(Problem.input(display, 0, 0, "no such file or directory"));
            return;
        }
        MapNode root = session.parsed().remove(realPath);
        try {
            if (root == null) {
                root = session.loader().load(file, display);
            }
        } catch (TreeReadException e) {
            if (explicit || looksLikeTemplate(file)) {
                results.addProblem(e.toProblem());
            } else {
                results.addNote("skipped " + display + ": not a readable template (" + e.getMessage() + ")");
            }
            return;
        }
        // a nested stack's template is one by its parent's word: it need not look like one
        boolean isTemplate = parent.isPresent() ? root.get("Resources").orElse(null) instanceof MapNode
                : TemplateGraphs.isTemplate(root);
        if (!isTemplate) {
            if (explicit) {
                results.addProblem(Problem.input(display, 1, 1,
                        "not a CloudFormation template (no Resources map with AWS:: resource types)"));
            } else {
                results.addNote("skipped " + display + ": not a CloudFormation template");
            }
            return;
        }
        results.addFile(display);
        MapNode written = root;
        try {
            root = SamTransform.expand(root, display);
        } catch (TreeReadException e) {
            results.addProblem(e.toProblem());
            return;
        }
        parent.ifPresent(p -> results.addNote(display + ": template of nested stack " + p));
        TemplateFile template = new TemplateFile(display, root, parent, parameterValues,
                SamTransform.declaredTypes(written, root));
        MetadataSuppressions.Result suppressions = MetadataSuppressions.read(template,
                request.engine().severityOf(CoreRules.INVALID_SUPPRESSION));
        suppressions.suppressions().forEach(results::addSuppression);
        if (request.config().isEnabled(CoreRules.INVALID_SUPPRESSION.id())) {
            suppressions.problems().forEach(results::addFinding);
        }
        ResourceGraph graph = TemplateGraphs.build(template, passedParameters);
        GraphRules.run(request.engine(), rules, graph, results);
        analyzeNestedStacks(template, graph, file, session);
    }

    /**
     * Analyzes the local templates of a template's nested stacks, each once, even when they lie
     * outside the paths named. A local template that is not there is an input error of the parent.
     */
    private void analyzeNestedStacks(TemplateFile template, ResourceGraph graph, Path file, Session session) {
        Results results = session.results();
        NestedStacks.Links links = NestedStacks.of(template.root(), file);
        links.notFollowed().forEach(why -> results.addNote(template.file() + ": " + why));
        for (NestedStacks.Child child : links.children()) {
            String childDisplay = DisplayPaths.display(child.file(), session.request().workingDirectory());
            if (!Files.isRegularFile(child.file())) {
                results.addProblem(Problem.input(template.file(), child.mark().line(), child.mark().column(),
                        "nested stack " + child.stackId() + ": TemplateURL " + child.reference() + " names "
                                + childDisplay + (Files.exists(child.file()) ? ", which is not a file"
                                        : ", which does not exist")));
            } else if (session.analyzed().contains(NestedStacks.realPath(child.file()))) {
                results.addNote(template.file() + ": nested stack " + child.stackId() + ": " + childDisplay
                        + " was already analyzed");
            } else {
                // the values the parent passes, evaluated where the parent defines them
                Optional<Value> passed = child.parameterValues().map(p -> TemplateGraphs.evaluator(graph).evaluate(p));
                analyzeFile(child.file(), true, Optional.of(new ParentStack(template.file(), child.stackId())),
                        child.parameterValues(), passed, session);
            }
        }
    }

    /**
     * For files found in a directory walk that fail to parse: report them only when they look like
     * templates, so that a broken template is never silently passed while unrelated YAML is ignored.
     */
    private static boolean looksLikeTemplate(Path file) {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return true; // unreadable: never pass it silently
        }
        try {
            TreeReader.decode(head, file.toString());
        } catch (TreeReadException e) {
            // binary or not UTF-8 (a cut multi-byte character at the end of the head is fine)
            if (head.length < 64 * 1024 || e.getMessage().contains("binary")) {
                return true;
            }
        }
        String text = new String(head, StandardCharsets.UTF_8);
        return text.contains("AWSTemplateFormatVersion")
                || (text.contains("Resources") && (text.contains("AWS::") || text.contains("Custom::")));
    }
}
