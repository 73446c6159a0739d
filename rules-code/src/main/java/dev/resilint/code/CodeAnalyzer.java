package dev.resilint.code;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.resilint.core.DisplayPaths;
import dev.resilint.core.FileReasons;
import dev.resilint.core.Location;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.run.Analyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * Judges compiled Java code: class directories and jars, with the code rules of
 * {@link ResilienceRules}.
 *
 * <p>Only the classes in the paths named are imported. ArchUnit's resolution of missing classes
 * from the class path is switched off for the import (in a thread-local configuration, so that
 * nothing else in the JVM is affected): otherwise every referenced library class would be looked
 * up, and inside the Maven plugin the class path is the plugin's own. Rules therefore match
 * library calls by the names of their owners.
 *
 * <p>Source files are found under the source roots of the request, and for a Maven or Gradle
 * class directory ({@code target/classes}, {@code build/classes/java/main} and their test
 * counterparts) under the conventional source directory next to it. Suppressions written as
 * {@code @SuppressWarnings("resilint:CT01")} on a class or method are read from those source files:
 * the annotation does not survive compilation, so without the source there are no annotation
 * suppressions (path suppressions in {@code .resilint.yaml} and baselines still apply).
 */
public final class CodeAnalyzer implements Analyzer {

    public static final String NAME = "code";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.CODE;
    }

    @Override
    public List<RuleMetadata> rules() {
        return CodeRules.metadata();
    }

    @Override
    public Results analyze(AnalysisRequest request) {
        Results results = new Results();
        Path workDir = request.workingDirectory();
        List<com.tngtech.archunit.core.importer.Location> locations = new ArrayList<>();
        List<JarFile> jars = new ArrayList<>();
        Set<Path> roots = new LinkedHashSet<>();
        request.sourceRoots().forEach(r -> roots.add(workDir.resolve(r).normalize()));
        List<String> names = new ArrayList<>();
        ClassFiles classFiles = new ClassFiles();
        try {
            for (Path input : request.inputs()) {
                Path path = workDir.resolve(input).normalize();
                String display = DisplayPaths.display(path, workDir);
                names.add(display);
                if (Files.isDirectory(path)) {
                    locations.add(com.tngtech.archunit.core.importer.Location.of(path));
                    classFiles.addDirectory(path, workDir, results);
                    conventionalSourceRoot(path).ifPresent(roots::add);
                } else if (Files.isRegularFile(path) && isArchive(path)) {
                    try {
                        JarFile jar = new JarFile(path.toFile());
                        jars.add(jar);
                        locations.add(com.tngtech.archunit.core.importer.Location.of(jar));
                        classFiles.addJar(jar, display, results);
                    } catch (IOException e) {
                        results.addProblem(Problem.input(display, 0, 0, "cannot open jar: " + FileReasons.of(e)));
                    }
                } else {
                    Optional<String> missing = FileReasons.missing(path);
                    results.addProblem(Problem.input(display, 0, 0, missing.orElse(
                            "not a class directory or jar (resilint code reads compiled classes)")));
                }
            }
            if (locations.isEmpty()) {
                return results;
            }
            request.progress().advanced(0, locations.size()); // ArchUnit imports them all at once
            SourceFiles sources = new SourceFiles(workDir, List.copyOf(roots));
            JavaClasses classes;
            try {
                classes = ArchConfiguration.withThreadLocalScope(configuration -> {
                    configuration.setResolveMissingDependenciesFromClassPath(false);
                    return new ClassFileImporter().importLocations(locations);
                });
            } catch (RuntimeException e) {
                results.addProblem(Problem.input(String.join(", ", names), 0, 0, "cannot read classes: " + e));
                return results;
            }
            // no timing here: reports are byte-identical for the same input
            results.addNote("imported " + classes.size() + (classes.size() == 1 ? " class" : " classes") + " from "
                    + String.join(", ", names));
            Set<String> imported = new java.util.HashSet<>();
            classes.forEach(c -> imported.add(c.getName()));
            classFiles.reportMissing(imported, results);
            request.progress().advanced(locations.size(), locations.size());
            record(classes, sources, request, results);
            CodeTarget target = new CodeTarget(classes, sources);
            ArchConfiguration.withThreadLocalScope(configuration -> {
                configuration.setResolveMissingDependenciesFromClassPath(false);
                request.engine().run(CodeRules.all(), target, String.join(", ", names), results);
            });
            return results;
        } finally {
            for (JarFile jar : jars) {
                try {
                    jar.close();
                } catch (IOException e) {
                    // nothing left to do with it
                }
            }
        }
    }

    /** Records the source files analyzed and the annotation suppressions written in them. */
    private static void record(JavaClasses classes, SourceFiles sources, AnalysisRequest request, Results results) {
        Set<String> files = new TreeSet<>();
        Set<Path> scanned = new TreeSet<>();
        for (JavaClass c : classes) {
            String display = sources.display(c);
            files.add(display.isEmpty() ? c.getName() : display);
            sources.resolve(c).ifPresent(scanned::add);
        }
        files.forEach(results::addFile);
        for (Path file : scanned) {
            String display = sources.display(file);
            for (JavaSourceScanner.Declaration d : sources.declarations(file)) {
                for (JavaSourceScanner.Suppress s : d.suppressions()) {
                    Location origin = new Location.Code(d.className(), d.member(), display, s.line());
                    results.addSuppression(new Suppression(s.ruleId(), s.comment(), Optional.empty(),
                            new SuppressionScope.CodeElement(d.className(), d.member()), origin,
                            Suppression.Format.ANNOTATION));
                }
            }
        }
    }

    private static boolean isArchive(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip") || name.endsWith(".war");
    }

    /**
     * The source directory that Maven or Gradle pairs with a class directory, when it exists:
     * {@code target/classes} and {@code src/main/java}, {@code target/test-classes} and
     * {@code src/test/java}, {@code build/classes/java/main} and {@code src/main/java}.
     */
    static Optional<Path> conventionalSourceRoot(Path classes) {
        Path dir = classes.toAbsolutePath().normalize();
        Path name = dir.getFileName();
        Path parent = dir.getParent();
        if (name == null || parent == null || parent.getFileName() == null) {
            return Optional.empty();
        }
        Path candidate = null;
        if (parent.getFileName().toString().equals("target") && parent.getParent() != null) {
            if (name.toString().equals("classes")) {
                candidate = parent.getParent().resolve("src/main/java");
            } else if (name.toString().equals("test-classes")) {
                candidate = parent.getParent().resolve("src/test/java");
            }
        } else if (parent.getParent() != null && parent.getParent().getFileName() != null
                && parent.getParent().getFileName().toString().equals("classes")
                && parent.getParent().getParent() != null
                && parent.getParent().getParent().getFileName() != null
                && parent.getParent().getParent().getFileName().toString().equals("build")) {
            // build/classes/<language>/<sourceSet>
            candidate = parent.getParent().getParent().getParent()
                    .resolve("src/" + name + "/" + parent.getFileName());
        }
        return candidate != null && Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
