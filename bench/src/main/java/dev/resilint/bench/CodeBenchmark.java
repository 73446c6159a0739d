package dev.resilint.bench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import dev.resilint.code.CodeAnalyzer;
import dev.resilint.core.Engine;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The code rules against a bare ArchUnit import of the same classes: the AWS SDK v2 jars of the
 * local Maven repository. The bare import is configured exactly as resilint imports (only the
 * given jars, no resolution of missing classes from the class path), so the ratio
 * {@code resilintCodeAnalysis / bareArchUnitImport} is what resilint adds on top of reading the
 * classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CodeBenchmark {

    /** Where the SDK jars are; {@code -p sdk=...} overrides it. */
    @Param("${user.home}/.m2/repository/software/amazon/awssdk")
    public String sdk;

    /** The SDK version whose jars are read. */
    @Param("2.40.2")
    public String version;

    /**
     * The jars read, by artifact id: the SDK's core and two clients (30 jars). Fixed, so that the
     * input does not grow when the build pulls in more SDK modules (the live scan's clients).
     */
    static final Set<String> ARTIFACTS = Set.of("annotations", "apache-client", "auth", "aws-core",
            "aws-json-protocol", "aws-query-protocol", "aws-xml-protocol", "checksums", "checksums-spi", "cloudwatch",
            "dynamodb", "endpoints-spi", "http-auth", "http-auth-aws", "http-auth-aws-eventstream", "http-auth-spi",
            "http-client-spi", "identity-spi", "json-utils", "metrics-spi", "profiles", "protocol-core", "regions",
            "retries", "retries-spi", "sdk-core", "third-party-jackson-core", "url-connection-client", "utils",
            "utils-lite");

    private final List<Path> jars = new ArrayList<>();
    private final List<JarFile> open = new ArrayList<>();
    private final List<Location> locations = new ArrayList<>();

    @Setup
    public void findJars() throws IOException {
        Path root = Path.of(sdk.replace("${user.home}", System.getProperty("user.home")));
        try (Stream<Path> files = Files.walk(root, 3)) {
            for (Path jar : files.filter(p -> ARTIFACTS.stream()
                            .anyMatch(a -> p.getFileName().toString().equals(a + "-" + version + ".jar")))
                    .filter(p -> !p.toString().contains("test")).sorted().toList()) {
                jars.add(jar);
                JarFile file = new JarFile(jar.toFile());
                open.add(file);
                locations.add(Location.of(file));
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no AWS SDK " + version + " jars under " + root);
        }
        System.out.println("# jars: " + jars.size() + ", classes: " + bareArchUnitImport().size());
    }

    @TearDown
    public void close() throws IOException {
        for (JarFile f : open) {
            f.close();
        }
    }

    @Benchmark
    public JavaClasses bareArchUnitImport() {
        return com.tngtech.archunit.ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importLocations(locations);
        });
    }

    @Benchmark
    public Results resilintCodeAnalysis() {
        return new CodeAnalyzer().analyze(new AnalysisRequest(jars, Path.of("").toAbsolutePath(),
                Config.defaults(), List.of()));
    }
}
