package dev.resilint.code;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import dev.resilint.core.DisplayPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the source of a compiled class is: its package path and the file name recorded in the
 * class file ({@code SourceFile}), looked up under each source root in turn. Paths are shown
 * relative to the working directory with {@code /} separators, as everywhere in resilint, so that
 * SARIF viewers such as GitHub code scanning can annotate the line. When no source root holds the
 * file, the path is the package path and file name ({@code com/acme/Orders.java}); without a
 * {@code SourceFile} attribute it is empty.
 */
final class SourceFiles {

    private final Path workingDirectory;
    private final List<Path> roots;
    private final Map<String, Optional<Path>> resolved = new HashMap<>();
    private final Map<Path, List<JavaSourceScanner.Declaration>> declarations = new HashMap<>();

    SourceFiles(Path workingDirectory, List<Path> roots) {
        this.workingDirectory = workingDirectory;
        this.roots = List.copyOf(roots);
    }

    /** {@code com/acme/Orders.java}, or the empty string without a SourceFile attribute. */
    static String relativePath(JavaClass c) {
        Optional<String> name = c.getSource().flatMap(Source::getFileName);
        if (name.isEmpty()) {
            return "";
        }
        String pkg = c.getPackageName();
        return pkg.isEmpty() ? name.get() : pkg.replace('.', '/') + "/" + name.get();
    }

    /** The source file under a source root, if there is one. */
    Optional<Path> resolve(JavaClass c) {
        String relative = relativePath(c);
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        return resolved.computeIfAbsent(relative, r -> {
            for (Path root : roots) {
                Path candidate = root.resolve(r);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        });
    }

    /** How findings name the class's source file. */
    String display(JavaClass c) {
        return resolve(c).map(p -> DisplayPaths.display(p, workingDirectory)).orElseGet(() -> relativePath(c));
    }

    /** The line where {@code member} (or the class, for the empty string) is declared, or 0. */
    int declarationLine(JavaClass c, String member) {
        Optional<Path> file = resolve(c);
        if (file.isEmpty()) {
            return 0;
        }
        for (JavaSourceScanner.Declaration d : declarations(file.get())) {
            if (d.className().equals(c.getName()) && d.member().equals(member)) {
                return d.line();
            }
        }
        return 0;
    }

    /** The declarations of a source file; none when it cannot be read. */
    List<JavaSourceScanner.Declaration> declarations(Path file) {
        return declarations.computeIfAbsent(file, f -> {
            try {
                return JavaSourceScanner.scan(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        });
    }

    String display(Path file) {
        return DisplayPaths.display(file, workingDirectory);
    }
}
