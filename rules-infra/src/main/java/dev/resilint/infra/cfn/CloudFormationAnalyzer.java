package dev.resilint.infra.cfn;

import dev.resilint.core.CoreRules;
import dev.resilint.core.DisplayPaths;
import dev.resilint.core.FileReasons;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.run.Analyzer;
import dev.resilint.core.run.StandardInput;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

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
    private final Consumer<BuiltTemplate> built;
    private final int threads;

    /** An analyzer that runs {@code rules} on every template. */
    public CloudFormationAnalyzer(List<? extends InfraRule> rules) {
        this(rules, template -> { });
    }

    /**
     * An analyzer that runs {@code rules} on every template and hands each template's graph to
     * {@code built}, in the order the templates are analyzed (a parent before its nested stacks).
     * Templates are judged on as many threads as there are processors (see {@link TemplateTasks}).
     */
    public CloudFormationAnalyzer(List<? extends InfraRule> rules, Consumer<BuiltTemplate> built) {
        this(rules, built, TemplateTasks.defaultThreads());
    }

    /** As {@link #CloudFormationAnalyzer(List, Consumer)}, judging templates on {@code threads} threads. */
    public CloudFormationAnalyzer(List<? extends InfraRule> rules, Consumer<BuiltTemplate> built, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.rules = List.copyOf(rules);
        this.built = Objects.requireNonNull(built, "built");
        this.threads = threads;
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
        List<DirectoryInput> directories = new ArrayList<>();
        List<Candidate> candidates = withoutIgnored(candidates(request, results, directories), request, results);
        // A template nested by another one is analyzed with its parent, which passes it parameter
        // values, whatever their order. The second loop catches nested templates whose parent could
        // not be analyzed (unreadable, or a nesting cycle); analyzeFile skips files already analyzed.
        NestedStacks.Index index = NestedStacks.index(candidates.stream().map(Candidate::path).toList(), loader,
                maxBytes, threads);
        Session session = new Session(request, loader, results, built, ConcurrentHashMap.newKeySet(),
                new ConcurrentHashMap<>(index.parsed()), ConcurrentHashMap.newKeySet());
        readStandardInput(candidates, session);
        judgeInOrder(candidates, index, session);
        for (Candidate c : candidates) {
            analyzeFile(c.path(), c.explicit(), Optional.empty(), Optional.empty(), Optional.empty(), session);
        }
        for (DirectoryInput d : directories) {
            // files the user chose to ignore (ignoreTemplates) are not a silent pass: notes name them
            boolean ignored = d.files().stream().anyMatch(f -> request.config()
                    .ignoredBy(DisplayPaths.display(f, request.workingDirectory())).isPresent());
            if (!d.unreadable() && !ignored
                    && d.files().stream().map(NestedStacks::realPath).noneMatch(session.judged()::contains)) {
                results.addProblem(Problem.input(d.display(), 0, 0, "no CloudFormation template found in this "
                        + "directory (" + (d.files().isEmpty() ? "no .yaml, .yml, .json or .template files"
                                : d.files().size() + " file(s) with a template extension, none of them a template; "
                                        + "--verbose lists them") + ")"));
            }
        }
        return session.results();
    }

    /**
     * Analyzes each candidate that is not a nested template (those go with their parent), with the
     * same results, in the same order, as one after the other: a template that nests local templates
     * (which other parents may nest too) or came from standard input is analyzed here, in its turn;
     * any other template touches only its own file, so it is analyzed on a worker thread into results
     * of its own, merged in its turn, its built graphs handed on then. Progress counts candidates in order.
     */
    private void judgeInOrder(List<Candidate> candidates, NestedStacks.Index index, Session session) {
        AnalysisRequest request = session.request();
        Path stdin = request.workingDirectory().resolve(StandardInput.NAME);
        List<TemplateTasks.Step> steps = new ArrayList<>();
        Set<Path> first = new HashSet<>();
        for (Candidate c : candidates) {
            Path real = NestedStacks.realPath(c.path());
            boolean nested = index.nested().contains(real);
            boolean alone = !nested && !index.parents().contains(real) && !c.path().equals(stdin) && first.add(real);
            Consumer<Session> analysis = into -> analyzeFile(c.path(), c.explicit(), Optional.empty(),
                    Optional.empty(), Optional.empty(), into);
            Runnable inTurn = nested ? () -> { } : () -> analysis.accept(session);
            steps.add(alone ? TemplateTasks.Step.alone(new TemplateTasks.Task(
                    DisplayPaths.display(c.path(), request.workingDirectory()), analysis), inTurn)
                    : TemplateTasks.Step.inTurn(inTurn));
        }
        request.progress().advanced(0, candidates.size());
        TemplateTasks.run(threads, TemplateTasks.LIMIT, session, steps,
                done -> request.progress().advanced(done, candidates.size())); // a nested one counts as done with its parent
    }

    /**
     * A directory named as an input, with the files found below it: when none of them is a
     * template, the run says so rather than pass with no findings.
     *
     * @param unreadable whether part of it could not be read (already an error of its own)
     */
    private record DirectoryInput(String display, List<Path> files, boolean unreadable) {
    }

    /**
     * What one {@link #analyze} call works with: the files it analyzed (by real path), the
     * templates the nested-stack index already parsed (by real path, taken out when used), and the
     * files judged as templates or reported as broken ones (by real path); where results and built
     * templates go. The sets are shared by the worker threads of {@link TemplateTasks}.
     */
    record Session(AnalysisRequest request, TemplateLoader loader, Results results, Consumer<BuiltTemplate> built,
            Set<Path> analyzed, Map<Path, MapNode> parsed, Set<Path> judged) {

        /** The same session writing into {@code own} results and built templates (a worker's). */
        Session into(Results own, Consumer<BuiltTemplate> ownBuilt) {
            return new Session(request, loader, own, ownBuilt, analyzed, parsed, judged);
        }
    }

    /**
     * The files named (explicit), and the candidates found below the directories named; a file or
     * directory below them that cannot be read is an input error.
     */
    private static List<Candidate> candidates(AnalysisRequest request, Results results,
            List<DirectoryInput> directories) {
        Path workDir = request.workingDirectory();
        List<Candidate> candidates = new ArrayList<>();
        for (Path input : request.inputs()) {
            Path resolved = workDir.resolve(input);
            if (StandardInput.isStandardInput(input) && request.standardInput().isPresent()) {
                candidates.add(new Candidate(workDir.resolve(StandardInput.NAME), true));
            } else if (Files.isDirectory(resolved)) {
                List<String> notes = new ArrayList<>();
                boolean[] unreadable = {false};
                List<Path> files = List.of();
                try {
                    files = TemplateDiscovery.walk(resolved, notes, p -> DisplayPaths.display(p, workDir), (p, e) -> {
                        unreadable[0] = true;
                        results.addProblem(Problem.input(DisplayPaths.display(p, workDir), 0, 0,
                                (Files.isDirectory(p) ? "cannot list directory: " : "cannot read: ")
                                        + FileReasons.of(e)));
                    });
                    files.forEach(f -> candidates.add(new Candidate(f, false)));
                } catch (IOException e) {
                    unreadable[0] = true;
                    results.addProblem(Problem.input(DisplayPaths.display(resolved, workDir), 0, 0,
                            "cannot list directory: " + FileReasons.of(e)));
                }
                notes.forEach(results::addNote);
                directories.add(new DirectoryInput(DisplayPaths.display(resolved, workDir), files, unreadable[0]));
            } else {
                // if missing, analyzeFile says so
                candidates.add(new Candidate(resolved, request.namedFilesMustBeTemplates()));
            }
        }
        return candidates;
    }

    /**
     * Parses the template on standard input ({@code -}) into the session, as if read from the file
     * {@code <stdin>} in the working directory (where its nested stacks' local templates are
     * looked for); an input error when it cannot be read as a template.
     */
    private static void readStandardInput(List<Candidate> candidates, Session session) {
        Path stdin = session.request().workingDirectory().resolve(StandardInput.NAME);
        Optional<StandardInput> input = session.request().standardInput();
        if (input.isEmpty() || candidates.stream().noneMatch(c -> c.path().equals(stdin))) {
            return;
        }
        try {
            long max = session.request().config().maxFileSizeBytes();
            byte[] bytes = input.get().content();
            if (bytes.length > max) {
                throw new TreeReadException(StandardInput.NAME, dev.resilint.core.tree.Mark.UNKNOWN,
                        "standard input is over the limit of " + max / (1024 * 1024) + " MiB (maxFileSizeMiB)");
            }
            String text = TreeReader.decode(bytes, StandardInput.NAME);
            session.parsed().put(NestedStacks.realPath(stdin), session.loader().parse(text, StandardInput.NAME));
        } catch (TreeReadException e) {
            session.results().addProblem(e.toProblem());
            session.analyzed().add(NestedStacks.realPath(stdin)); // reported: not "no such file" as well
        }
    }

    /** The candidates but those {@code ignoreTemplates} (or {@code --ignore-templates}) matches, each named in a note. */
    private static List<Candidate> withoutIgnored(List<Candidate> candidates, AnalysisRequest request, Results results) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            String display = DisplayPaths.display(c.path(), request.workingDirectory());
            Optional<String> glob = request.config().ignoredBy(display).map(g -> g.glob());
            if (glob.isPresent()) {
                results.addNote("skipped " + display + ": ignored (ignoreTemplates " + glob.get() + ")");
            } else {
                kept.add(c);
            }
        }
        return kept;
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
        Optional<String> missing = explicit && !session.parsed().containsKey(realPath) ? FileReasons.missing(file)
                : Optional.empty();
        if (missing.isPresent()) {
            results.addProblem(Problem.input(display, 0, 0, missing.get()));
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
                session.judged().add(realPath);
            } else {
                results.addNote("skipped " + display + ": not a readable template (" + e.getMessage() + ")");
            }
            return;
        }
        // a nested stack's template is one by its parent's word: it need not look like one
        boolean isTemplate = parent.isPresent() ? root.get("Resources").orElse(null) instanceof MapNode
                : TemplateGraphs.isTemplate(root);
        if (!isTemplate) {
            Optional<MapNode.Entry> resources = root.entry("Resources");
            if (resources.isPresent() && !(resources.get().value() instanceof MapNode)
                    && (explicit || parent.isPresent() || root.has("AWSTemplateFormatVersion"))) {
                Mark at = resources.get().keyMark();
                results.addProblem(Problem.input(display, at.line(), at.column(), "Resources must be a map of "
                        + "logical ids to resources, not " + resources.get().value().kindDescription()));
                session.judged().add(realPath);
            } else if (explicit) {
                results.addProblem(Problem.input(display, 1, 1,
                        "not a CloudFormation template (no Resources map with AWS:: resource types)"));
            } else {
                results.addNote("skipped " + display + ": not a CloudFormation template");
            }
            return;
        }
        results.addFile(display);
        session.judged().add(realPath);
        ResourceShapes.problems(root, display).forEach(results::addProblem);
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
        session.built().accept(BuiltTemplate.of(template, graph));
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
