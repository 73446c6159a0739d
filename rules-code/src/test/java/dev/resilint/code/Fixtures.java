package dev.resilint.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fixture classes of {@code dev.resilint.code.fixtures}: imported as resilint does (missing
 * classes not resolved) or as a team's ArchUnit test does (resolved from the class path), and the
 * findings their sources expect: {@code // expect CT01 member} on the line of each finding, with
 * {@code Nested#member} for a nested class and {@code Nested#} for a class itself.
 */
final class Fixtures {

    static final String PACKAGE = "dev.resilint.code.fixtures";
    static final Path WORKING_DIRECTORY = Path.of("").toAbsolutePath();
    static final Path SOURCES = Path.of("src/test/java");
    private static final Pattern EXPECT = Pattern.compile("// expect ((?:[A-Z]{2}[0-9]{2} [^,\\s]*(?:, )?)+)");

    private Fixtures() {
    }

    static JavaClasses importPackage(String subpackage, boolean resolveFromClassPath) {
        return ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(resolveFromClassPath);
            return new ClassFileImporter().importPackages(PACKAGE + "." + subpackage);
        });
    }

    static CodeTarget target(JavaClasses classes) {
        return new CodeTarget(classes, new SourceFiles(WORKING_DIRECTORY, List.of(SOURCES)));
    }

    /** Runs every code rule, as resilint's engine does. */
    static List<Finding> findings(JavaClasses classes) {
        Results results = new Results();
        new Engine(Config.defaults()).run(CodeRules.all(), target(classes), "fixtures", results);
        assertThat(results.problems()).isEmpty();
        return Engine.normalize(results.findings());
    }

    /** {@code CT01 src/test/java/.../SdkClients.java:14 dev...SdkClients#builder} */
    static String describe(Finding f) {
        Location.Code c = (Location.Code) f.location();
        return f.ruleId() + " " + c.file() + ":" + c.line() + " " + c.className() + "#" + c.member();
    }

    /** The findings the sources of a fixture package expect, described as {@link #describe} does. */
    static List<String> expected(String subpackage) {
        Path dir = SOURCES.resolve((PACKAGE + "." + subpackage).replace('.', '/'));
        List<String> expected = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String top = PACKAGE + "." + subpackage + "." + file.getFileName().toString().replace(".java", "");
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = EXPECT.matcher(lines.get(i));
                    if (!m.find()) {
                        continue;
                    }
                    for (String entry : m.group(1).split(", ")) {
                        String[] parts = entry.split(" ", 2);
                        String target = parts[1];
                        String className = top;
                        String member = target;
                        int hash = target.indexOf('#');
                        if (hash >= 0) {
                            className = top + "$" + target.substring(0, hash);
                            member = target.substring(hash + 1);
                        }
                        expected.add(parts[0] + " " + file.toString().replace('\\', '/') + ":" + (i + 1) + " "
                                + className + "#" + member);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }
}
