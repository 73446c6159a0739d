package dev.resilint.infra.cfn;

import dev.resilint.core.FileReasons;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds candidate template files below directories: files ending in {@code .yaml}, {@code .yml},
 * {@code .json} or {@code .template}, in sorted order, skipping hidden directories and build or
 * dependency folders. Whether a candidate really is a template is decided by its content.
 *
 * <p>In an AWS CDK cloud assembly ({@code cdk synth} output: a directory named {@code cdk.out}, or
 * one holding CDK's {@code manifest.json} and {@code cdk.out} marker files) only the synthesized
 * templates, {@code *.template.json} (nested stacks: {@code *.nested.template.json}), are
 * candidates; its {@code manifest.json}, {@code tree.json} and {@code *.assets.json} are not, and its
 * {@code asset.*} folders (bundled application files) are not searched.
 *
 * <p>Symbolic links are followed, to files and to directories, as cfn-lint's and checkov's globs
 * do: a template reached through a link is judged under the link's path (the analysis judges a
 * file reached under two paths once, by its real path). A broken link with a template extension
 * goes to {@link Unreadable}; a link back to a directory being walked is searched once and
 * named in a note.
 */
public final class TemplateDiscovery {

    public static final Set<String> EXTENSIONS = Set.of("yaml", "yml", "json", "template");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "target", "build", "dist",
            "__pycache__", "venv", ".venv");

    /** Suffix of the templates {@code cdk synth} writes into a cloud assembly. */
    public static final String CDK_TEMPLATE_SUFFIX = ".template.json";
    private static final String CDK_ASSEMBLY_NAME = "cdk.out";
    private static final String CDK_ASSET_PREFIX = "asset.";

    private TemplateDiscovery() {
    }

    /** A file found below a directory the user named. */
    public record Candidate(Path path, boolean explicit) {
    }

    /** True for the names of templates in a CDK cloud assembly ({@code MyStack.template.json}). */
    static boolean isCdkTemplateName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(CDK_TEMPLATE_SUFFIX) && name.length() > CDK_TEMPLATE_SUFFIX.length();
    }

    /** True for file names with a template extension. */
    public static boolean hasTemplateExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /**
     * True for the names of the files discovery may look at: a template extension, or the
     * {@code cdk.out} marker of a CDK cloud assembly ({@code --new-since} copies only these).
     */
    public static boolean mayMatter(String fileName) {
        return fileName.equals(CDK_ASSEMBLY_NAME) || hasTemplateExtension(Path.of(fileName));
    }

    /**
     * True for an AWS CDK cloud assembly: a directory named {@code cdk.out}, or one holding the
     * {@code manifest.json} and {@code cdk.out} files CDK writes into every assembly (its output
     * directory may be renamed with {@code --output}).
     */
    public static boolean isCdkAssembly(Path dir) {
        Path name = dir.getFileName();
        if (name != null && name.toString().equals(CDK_ASSEMBLY_NAME)) {
            return true;
        }
        return Files.isRegularFile(dir.resolve("manifest.json")) && Files.isRegularFile(dir.resolve(CDK_ASSEMBLY_NAME));
    }

    /** Files below {@code dir} with a template extension, sorted by path. */
    public static List<Path> walk(Path dir, List<String> skippedNotes) throws IOException {
        return walk(dir, skippedNotes, Path::toString);
    }

    /**
     * Files below {@code dir} with a template extension, sorted by path; {@code display} names
     * files and directories in the notes. A directory or file that cannot be read stops the walk
     * with its exception.
     */
    public static List<Path> walk(Path dir, List<String> skippedNotes, Function<Path, String> display)
            throws IOException {
        return walk(dir, skippedNotes, display, (path, e) -> {
            throw e;
        });
    }

    /** What to do with a file or directory below the walked one that cannot be read. */
    @FunctionalInterface
    public interface Unreadable {
        /** Records {@code path}, which failed with {@code e}, or throws to stop the walk. */
        void failed(Path path, IOException e) throws IOException;
    }

    /**
     * Files below {@code dir} with a template extension, sorted by path; a directory that cannot
     * be listed (permission denied), a file whose attributes cannot be read or a broken symbolic
     * link with a template extension goes to {@code unreadable}, and the walk goes on, never
     * skipping it silently.
     */
    public static List<Path> walk(Path dir, List<String> skippedNotes, Function<Path, String> display,
            Unreadable unreadable) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            private Path assembly; // the CDK cloud assembly being walked, or null

            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(dir)) {
                    String name = d.getFileName().toString();
                    if ((name.startsWith(".") && !name.equals(".")) || SKIPPED_DIRECTORIES.contains(name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (assembly != null && name.startsWith(CDK_ASSET_PREFIX)) {
                        return FileVisitResult.SKIP_SUBTREE; // a CDK asset: application files, not templates
                    }
                }
                if (assembly == null && isCdkAssembly(d)) {
                    assembly = d;
                    skippedNotes.add(display.apply(d) + ": AWS CDK cloud assembly; only its *" + CDK_TEMPLATE_SUFFIX
                            + " files are templates, asset.* folders are not searched");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (d.equals(assembly)) {
                    assembly = null;
                }
                return super.postVisitDirectory(d, exc);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isSymbolicLink()) { // followed, and its target could not be read
                    if (hasTemplateExtension(file)) {
                        unreadable.failed(file, new FileSystemException(file.toString(), null,
                                FileReasons.missing(file).orElse("a symbolic link whose target cannot be read")));
                    }
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isRegularFile() && hasTemplateExtension(file)
                        && (assembly == null || isCdkTemplateName(file))) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof FileSystemLoopException) {
                    skippedNotes.add(display.apply(file) + ": a symbolic link to a directory above it, searched once");
                    return FileVisitResult.CONTINUE;
                }
                unreadable.failed(file, exc);
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return onceEach(dir, found, skippedNotes, display);
    }

    /**
     * The files, each real file once: where links lead to a file under several paths, the path
     * without a link is kept (else the first), and the others are named in a note.
     */
    private static List<Path> onceEach(Path dir, List<Path> sorted, List<String> notes, Function<Path, String> display) {
        Path realDir;
        try {
            realDir = dir.toRealPath();
        } catch (IOException e) {
            return sorted;
        }
        Map<Path, Path> real = new LinkedHashMap<>(); // each file's real path, read once
        sorted.forEach(file -> real.put(file, realPathOr(file)));
        Map<Path, Path> byReal = new LinkedHashMap<>();
        for (Path file : sorted) {
            Path kept = byReal.get(real.get(file));
            if (kept == null) {
                byReal.put(real.get(file), file);
            } else if (!real.get(file).equals(realDir.resolve(dir.relativize(kept)))
                    && real.get(file).equals(realDir.resolve(dir.relativize(file)))) {
                byReal.put(real.get(file), file); // the file under its own name, not through a link
            }
        }
        for (Path file : sorted) {
            Path kept = byReal.get(real.get(file));
            if (!kept.equals(file)) {
                notes.add(display.apply(file) + ": the same file as " + display.apply(kept) + ", judged once under that name");
            }
        }
        return byReal.values().stream().sorted().toList();
    }

    private static Path realPathOr(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
