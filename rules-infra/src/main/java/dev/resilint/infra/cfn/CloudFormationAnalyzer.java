package dev.resilint.infra.cfn;

import dev.resilint.core.CoreRules;
import dev.resilint.core.DisplayPaths;
import dev.resilint.core.Engine;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.run.Analyzer;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.rules.InfraRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges CloudFormation templates. Files named on the command line must be templates; below a
 * named directory, files are recognized by content (a {@code Resources} map plus
 * {@code AWSTemplateFormatVersion} or {@code AWS::} types) and other YAML or JSON files are skipped
 * quietly (listed with {@code --verbose}).
 */
public final class CloudFormationAnalyzer implements Analyzer {

    public static final String NAME = "cloudformation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RuleMetadata> rules() {
        return InfraRules.metadata();
    }

    @Override
    public Results analyze(AnalysisRequest request) {
        Results results = new Results();
        Engine engine = request.engine();
        TemplateLoader loader = new TemplateLoader(engine.config().maxFileSizeBytes());
        Path workDir = request.workingDirectory();
        for (Path input : request.inputs()) {
            Path resolved = workDir.resolve(input);
            String display = DisplayPaths.display(resolved, workDir);
            if (Files.isDirectory(resolved)) {
                List<String> notes = new ArrayList<>();
                List<Path> files;
                try {
                    files = TemplateDiscovery.walk(resolved, notes);
                } catch (IOException e) {
                    results.addProblem(Problem.input(display, 0, 0, "cannot list directory: " + e.getMessage()));
                    continue;
                }
                notes.forEach(results::addNote);
                for (Path file : files) {
                    analyzeFile(file, false, loader, request, results);
                }
            } else if (Files.exists(resolved)) {
                analyzeFile(resolved, true, loader, request, results);
            } else {
                results.addProblem(Problem.input(display, 0, 0, "no such file or directory"));
            }
        }
        return results;
    }

    private void analyzeFile(Path file, boolean explicit, TemplateLoader loader, AnalysisRequest request,
            Results results) {
        String display = DisplayPaths.display(file, request.workingDirectory());
        MapNode root;
        try {
            root = loader.load(file, display);
        } catch (TreeReadException e) {
            if (explicit || looksLikeTemplate(file)) {
                results.addProblem(e.toProblem());
            } else {
                results.addNote("skipped " + display + ": not a readable template (" + e.getMessage() + ")");
            }
            return;
        }
        if (!TemplateGraphs.isTemplate(root)) {
            if (explicit) {
                results.addProblem(Problem.input(display, 1, 1,
                        "not a CloudFormation template (no Resources map with AWS:: resource types)"));
            } else {
                results.addNote("skipped " + display + ": not a CloudFormation template");
            }
            return;
        }
        results.addFile(display);
        try {
            root = SamTransform.expand(root, display);
        } catch (TreeReadException e) {
            results.addProblem(e.toProblem());
            return;
        }
        TemplateFile template = new TemplateFile(display, root);
        MetadataSuppressions.Result suppressions = MetadataSuppressions.read(template,
                request.engine().severityOf(CoreRules.INVALID_SUPPRESSION));
        suppressions.suppressions().forEach(results::addSuppression);
        if (request.engine().config().isEnabled(CoreRules.INVALID_SUPPRESSION.id())) {
            suppressions.problems().forEach(results::addFinding);
        }
        ResourceGraph graph = TemplateGraphs.build(template);
        request.engine().run(InfraRules.all(), graph, display, results);
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
