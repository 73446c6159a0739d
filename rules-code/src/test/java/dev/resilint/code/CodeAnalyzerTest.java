package dev.resilint.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import dev.resilint.core.Engine;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.config.Config;
import dev.resilint.core.report.Report;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.run.Analyzers;
import dev.resilint.core.run.RunOptions;
import dev.resilint.core.run.Runner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer behind {@code resilint code}: inputs, source files, suppressions, isolation. */
class CodeAnalyzerTest {

    static final Path TEST_CLASSES = Path.of("target/test-classes");
    static final Path FIXTURES = TEST_CLASSES.resolve("dev/resilint/code/fixtures");

    @TempDir
    Path dir;

    private final CodeAnalyzer analyzer = new CodeAnalyzer();

    private Results analyze(Path workingDirectory, List<Path> inputs, List<Path> sourceRoots) {
        return analyzer.analyze(new AnalysisRequest(inputs, workingDirectory, Config.defaults(),
                sourceRoots));
    }

    private Report run(List<Path> inputs, List<Path> sourceRoots) {
        RuleCatalog catalog = new Analyzers(java.util.List.of(new CodeAnalyzer())).catalog();
        RunOptions options = new RunOptions(inputs, Fixtures.WORKING_DIRECTORY, Config.defaults(), Optional.empty(),
                FailThreshold.WARNING, LocalDate.of(2026, 5, 10), sourceRoots);
        return new Runner(catalog).run(List.of(analyzer), options);
    }

    /** A class directory holding only the class files of one fixture package. */
    private Path classesOf(String subpackage) throws IOException {
        Path target = dir.resolve("classes");
        Path from = FIXTURES.resolve(subpackage);
        Path to = target.resolve("dev/resilint/code/fixtures").resolve(subpackage);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return target;
    }

    /** How many class files a copied fixture directory holds: each becomes one imported class. */
    private static long classFiles(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class")).count();
        }
    }

    @Test
    void isRegisteredAsTheCodeAnalyzerWithTheCodeRules() {
        assertThat(new Analyzers(java.util.List.of(new CodeAnalyzer())).find("code")).get().isInstanceOf(CodeAnalyzer.class);
        assertThat(analyzer.rules()).isEqualTo(CodeRules.metadata());
        assertThat(new Analyzers(java.util.List.of(new CodeAnalyzer())).catalog().contains("CT01")).isTrue();
    }

    @Test
    void findingsNameTheSourceFileUnderTheSourceRootAndItsLine() throws IOException {
        Path classes = classesOf("firing");
        Results results = analyze(Fixtures.WORKING_DIRECTORY, List.of(classes), List.of(Fixtures.SOURCES));
        assertThat(results.problems()).isEmpty();
        List<String> actual = Engine.normalize(results.findings()).stream().map(Fixtures::describe).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(Fixtures.expected("firing"));
        assertThat(results.files()).contains("src/test/java/dev/resilint/code/fixtures/firing/SdkClients.java");
        long count = classFiles(classes);
        assertThat(results.notes()).anyMatch(n -> n.matches("imported " + count + " classes from .*classes"));
    }

    @Test
    void withoutASourceRootTheFileIsThePackagePathFromTheClassFile() throws IOException {
        Results results = analyze(dir, List.of(classesOf("firing")), List.of());
        Finding f = results.findings().stream().filter(x -> x.ruleId().equals("CT01")).findFirst().orElseThrow();
        Location.Code c = (Location.Code) f.location();
        assertThat(c.file()).isEqualTo("dev/resilint/code/fixtures/firing/SdkClients.java");
        assertThat(c.line()).isPositive();
        assertThat(results.suppressions()).isEmpty();
    }

    @Test
    void mavenAndGradleClassDirectoriesFindTheirSourcesByConvention() throws IOException {
        Path module = dir.resolve("module");
        Files.createDirectories(module.resolve("target/classes"));
        Files.createDirectories(module.resolve("src/main/java"));
        Files.createDirectories(module.resolve("target/test-classes"));
        Files.createDirectories(module.resolve("build/classes/java/main"));
        Files.createDirectories(module.resolve("build/classes/kotlin/test"));
        Files.createDirectories(module.resolve("src/test/kotlin"));
        assertThat(CodeAnalyzer.conventionalSourceRoot(module.resolve("target/classes")))
                .contains(module.resolve("src/main/java"));
        assertThat(CodeAnalyzer.conventionalSourceRoot(module.resolve("target/test-classes"))).isEmpty();
        assertThat(CodeAnalyzer.conventionalSourceRoot(module.resolve("build/classes/java/main")))
                .contains(module.resolve("src/main/java"));
        assertThat(CodeAnalyzer.conventionalSourceRoot(module.resolve("build/classes/kotlin/test")))
                .contains(module.resolve("src/test/kotlin"));
        assertThat(CodeAnalyzer.conventionalSourceRoot(module)).isEmpty();
    }

    @Test
    void suppressWarningsAnnotationsInTheSourceSuppressTheirClassOrMethod() throws IOException {
        Report report = run(List.of(classesOf("suppressed")), List.of(Fixtures.SOURCES));
        String file = "src/test/java/dev/resilint/code/fixtures/suppressed/SuppressedClients.java";
        assertThat(report.findings()).extracting(Fixtures::describe).containsExactlyInAnyOrder(
                "CT01 " + file + ":16 dev.resilint.code.fixtures.suppressed.SuppressedClients#other",
                "RL01 " + file + ":27 dev.resilint.code.fixtures.suppressed.SuppressedClients#typo");
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("RL01")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("unknown rule id 'XX99'"));
        assertThat(report.suppressed()).extracting(Fixtures::describe).containsExactlyInAnyOrder(
                "CT01 " + file + ":12 dev.resilint.code.fixtures.suppressed.SuppressedClients#local",
                "CT03 " + file + ":23 dev.resilint.code.fixtures.suppressed.SuppressedClients$Worker#get");
        Suppression onMethod = report.suppressed().stream().filter(f -> f.ruleId().equals("CT01")).findFirst()
                .orElseThrow().suppression().orElseThrow();
        assertThat(onMethod.format()).isEqualTo(Suppression.Format.ANNOTATION);
        assertThat(onMethod.reason()).isEqualTo("local test double, never leaves the machine");
        assertThat(onMethod.scope()).isEqualTo(new SuppressionScope.CodeElement(
                "dev.resilint.code.fixtures.suppressed.SuppressedClients", "local"));
        assertThat(onMethod.origin()).isEqualTo(new Location.Code(
                "dev.resilint.code.fixtures.suppressed.SuppressedClients", "local", file, 10));
    }

    @Test
    void readsJars() throws IOException {
        Path classes = classesOf("firing");
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        Results results = analyze(Fixtures.WORKING_DIRECTORY, List.of(jar), List.of(Fixtures.SOURCES));
        assertThat(results.problems()).isEmpty();
        assertThat(Engine.normalize(results.findings())).extracting(Fixtures::describe)
                .containsExactlyInAnyOrderElementsOf(Fixtures.expected("firing"));
    }

    @Test
    void missingAndUnreadableInputsAreInputErrors() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Results results = analyze(dir, List.of(Path.of("missing"), Path.of("notes.txt")), List.of());
        assertThat(results.problems()).extracting(Problem::kind).containsOnly(Problem.Kind.INPUT_ERROR);
        assertThat(results.problems()).extracting(Problem::display).containsExactly(
                "missing: no such file or directory",
                "notes.txt: not a class directory or jar (resilint code reads compiled classes)");
        assertThat(results.findings()).isEmpty();
    }

    @Test
    void aDirectoryOrJarWithoutClassesIsAnInputErrorNotAPass() throws IOException {
        Files.createDirectories(dir.resolve("empty/sub"));
        Files.writeString(dir.resolve("empty/sub/README.txt"), "no classes here");
        jar(dir.resolve("resources.jar"), java.util.Map.of("config.properties", "a=b".getBytes()));
        Results results = analyze(dir, List.of(Path.of("empty"), Path.of("resources.jar")), List.of());
        assertThat(results.problems()).extracting(Problem::display).containsExactly(
                "empty: no class files in this directory (resilint code reads compiled classes, such as target/classes)",
                "resources.jar: no class files in this jar");
        assertThat(results.problems()).extracting(Problem::kind).containsOnly(Problem.Kind.INPUT_ERROR);
    }

    @Test
    void garbageAndCorruptClassFilesAreInputErrorsAndTheOtherClassesAreJudged() throws IOException {
        Path classes = classesOf("firing");
        Path garbage = classes.resolve("dev/resilint/code/fixtures/firing/Garbage.class");
        Files.writeString(garbage, "this is not a class file");
        byte[] good = Files.readAllBytes(FIXTURES.resolve("compliant").resolve(firstClass("compliant")));
        Path truncated = classes.resolve("dev/resilint/code/fixtures/firing/Truncated.class");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        Results results = analyze(dir, List.of(classes), List.of());
        assertThat(results.problems()).extracting(Problem::display).containsExactlyInAnyOrder(
                "classes/dev/resilint/code/fixtures/firing/Garbage.class: not a class file (it does not begin with "
                        + "the class-file signature CAFEBABE)",
                "classes/dev/resilint/code/fixtures/firing/Truncated.class: a corrupt or truncated class file");
        assertThat(results.findings()).isNotEmpty();

        Path jar = dir.resolve("corrupt.jar");
        jar(jar, java.util.Map.of("a/B.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0,
                61, 0, 9, 1, 2}));
        assertThat(analyze(dir, List.of(Path.of("corrupt.jar")), List.of()).problems()).extracting(Problem::display)
                .containsExactly("corrupt.jar!/a/B.class: a corrupt or truncated class file");
    }

    private String firstClass(String subpackage) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve(subpackage))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")).sorted().findFirst()
                    .orElseThrow();
        }
    }

    private static void jar(Path jar, java.util.Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new JarEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    @Test
    void theImportLeavesArchUnitsGlobalConfigurationAlone() throws IOException {
        boolean before = ArchConfiguration.get().resolveMissingDependenciesFromClassPath();
        analyze(dir, List.of(classesOf("compliant")), List.of());
        assertThat(ArchConfiguration.get().resolveMissingDependenciesFromClassPath()).isEqualTo(before);
    }

    @Test
    void importsOnlyWhatItIsGivenAndIsFast() throws IOException {
        Path classes = classesOf("compliant");
        analyze(dir, List.of(classes), List.of()); // warm up
        long start = System.nanoTime();
        Results results = analyze(dir, List.of(classes), List.of());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(results.findings()).isEmpty();
        long count = classFiles(classes);
        assertThat(count).isGreaterThan(20);
        assertThat(results.notes()).containsExactly("imported " + count + " classes from classes");
        System.out.println("resilint code on the compliant fixtures (" + count + " classes, warm): " + millis + " ms");
        // resolving from the class path would pull in the AWS SDK: seconds, not milliseconds
        assertThat(millis).isLessThan(3_000);
    }
}
