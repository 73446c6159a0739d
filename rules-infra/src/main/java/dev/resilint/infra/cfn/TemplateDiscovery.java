package dev.resilint.infra.cfn;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds candidate template files below directories: files ending in {@code .yaml}, {@code .yml},
 * {@code .json} or {@code .template}, in sorted order, skipping hidden directories and build or
 * dependency folders. Whether a candidate really is a template is decided by its content.
 */
public final class TemplateDiscovery {

    public static final Set<String> EXTENSIONS = Set.of("yaml", "yml", "json", "template");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "target", "build", "dist",
            "__pycache__", "venv", ".venv");

    private TemplateDiscovery() {
    }

    /** A file found below a directory the user named. */
    public record Candidate(Path path, boolean explicit) {
    }

    /** True for file names with a template extension. */
    public static boolean hasTemplateExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** Files below {@code dir} with a template extension, sorted by path. */
    public static List<Path> walk(Path dir, List<String> skippedNotes) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(dir)) {
                    String name = d.getFileName().toString();
                    if ((name.startsWith(".") && !name.equals(".")) || SKIPPED_DIRECTORIES.contains(name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && hasTemplateExtension(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                skippedNotes.add(file + ": cannot read (" + exc.getClass().getSimpleName() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }
}
