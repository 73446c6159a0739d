package dev.resilint.code;

import dev.resilint.core.DisplayPaths;
import dev.resilint.core.FileReasons;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class files of the inputs of {@code resilint code}, listed without reading them, so that
 * none is lost silently: ArchUnit skips a class file it cannot parse with no more than a log line.
 * After the import, each class file that did not become a class of that name is read here; one
 * that is not a class file, is corrupt, or was not imported for another reason is an input error
 * naming it. A directory or jar that holds no class file at all is one too, and so is a
 * subdirectory that cannot be listed.
 *
 * <p>Only the names are compared in the usual case (every class file imported), so the check costs
 * a directory listing, not a second parse.
 */
final class ClassFiles {

    private static final String SUFFIX = ".class";
    private static final int MAGIC = 0xCAFEBABE;

    /**
     * One class file.
     *
     * @param expectedName the binary class name its path implies ({@code a.b.C$D})
     * @param display the file for messages: its path, or {@code app.jar!/a/b/C.class}
     */
    record ClassFile(String expectedName, String display, Source source) {
    }

    /** Reads a class file's bytes. */
    @FunctionalInterface
    interface Source {
        byte[] read() throws IOException;
    }

    private final List<ClassFile> files = new ArrayList<>();

    /**
     * Lists the class files of a class directory; what cannot be listed is an input error, and so
     * is a directory with no class file. Symbolic links are followed, as for templates: a class
     * file reached under two paths is read once (under the path without a link), a link back to a
     * directory above is searched once (a note), and a broken link to a class file is an input error.
     */
    void addDirectory(Path dir, Path workDir, Results results) {
        int before = files.size();
        Set<Path> seen = new HashSet<>();
        Map<Path, Path> throughLinks = new LinkedHashMap<>(); // real path -> first path reached through a link
        Path realDir;
        try {
            realDir = dir.toRealPath();
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = file.getFileName().toString();
                    if (attrs.isSymbolicLink() && name.endsWith(SUFFIX)) { // followed, and its target cannot be read
                        results.addProblem(Problem.input(DisplayPaths.display(file, workDir), 0, 0, "cannot read: "
                                + FileReasons.missing(file).orElse("a symbolic link whose target cannot be read")));
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile() && name.endsWith(SUFFIX) && !isModuleInfo(name)) {
                        Path real = file.toRealPath();
                        if (real.equals(realDir.resolve(dir.relativize(file)))) {
                            if (seen.add(real)) {
                                add(dir, file, workDir);
                            }
                        } else {
                            throughLinks.putIfAbsent(real, file);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        results.addNote(DisplayPaths.display(file, workDir)
                                + ": a symbolic link to a directory above it, searched once");
                        return FileVisitResult.CONTINUE;
                    }
                    results.addProblem(Problem.input(DisplayPaths.display(file, workDir), 0, 0,
                            (Files.isDirectory(file) ? "cannot list directory: " : "cannot read: ") + FileReasons.of(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            results.addProblem(Problem.input(DisplayPaths.display(dir, workDir), 0, 0,
                    "cannot list directory: " + FileReasons.of(e)));
            return;
        }
        throughLinks.forEach((real, file) -> {
            if (seen.add(real)) {
                add(dir, file, workDir);
            }
        });
        if (files.size() == before) {
            results.addProblem(Problem.input(DisplayPaths.display(dir, workDir), 0, 0,
                    "no class files in this directory (resilint code reads compiled classes, such as target/classes)"));
        }
    }

    private void add(Path dir, Path file, Path workDir) {
        String relative = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        files.add(new ClassFile(binaryName(relative), DisplayPaths.display(file, workDir), () -> Files.readAllBytes(file)));
    }

    /** Lists the class files of a jar; a jar with no class file is an input error. */
    void addJar(JarFile jar, String display, Results results) {
        int before = files.size();
        for (JarEntry entry : java.util.Collections.list(jar.entries())) {
            String name = entry.getName();
            if (!entry.isDirectory() && name.endsWith(SUFFIX) && !name.startsWith("META-INF/")
                    && !isModuleInfo(name.substring(name.lastIndexOf('/') + 1))) {
                files.add(new ClassFile(binaryName(name), display + "!/" + name, () -> {
                    try (InputStream in = jar.getInputStream(entry)) {
                        return in.readAllBytes();
                    }
                }));
            }
        }
        if (files.size() == before) {
            results.addProblem(Problem.input(display, 0, 0, "no class files in this jar"));
        }
    }

    /**
     * Reports each class file that did not become one of {@code imported} (binary class names):
     * not a class file, corrupt, or not imported.
     */
    void reportMissing(Set<String> imported, Results results) {
        for (ClassFile f : files) {
            if (imported.contains(f.expectedName())) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = f.source().read();
            } catch (IOException e) {
                results.addProblem(Problem.input(f.display(), 0, 0, "cannot read: " + FileReasons.of(e)));
                continue;
            }
            Optional<String> defect = defect(bytes);
            if (defect.isPresent()) {
                results.addProblem(Problem.input(f.display(), 0, 0, defect.get()));
                continue;
            }
            ClassReader reader = new ClassReader(bytes);
            String declared = reader.getClassName().replace('/', '.');
            if ((reader.getAccess() & Opcodes.ACC_MODULE) == 0 && !imported.contains(declared)) {
                results.addProblem(Problem.input(f.display(), 0, 0, "class " + declared + " could not be imported"));
            }
        }
    }

    /** What is wrong with {@code bytes} as a class file, if anything, in words. */
    static Optional<String> defect(byte[] bytes) {
        if (bytes.length < 10 || readInt(bytes) != MAGIC) {
            return Optional.of("not a class file (it does not begin with the class-file signature CAFEBABE)");
        }
        try {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) { }, 0);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("cannot read this class file: " + (e.getMessage() == null ? "unsupported content"
                    : e.getMessage().toLowerCase(Locale.ROOT).startsWith("unsupported") ? e.getMessage()
                            : "corrupt content"));
        } catch (RuntimeException e) {
            return Optional.of("a corrupt or truncated class file");
        }
    }

    private static int readInt(byte[] b) {
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    private static boolean isModuleInfo(String fileName) {
        return fileName.equals("module-info.class");
    }

    /** {@code a/b/C$D.class} gives {@code a.b.C$D}. */
    private static String binaryName(String relativePath) {
        return relativePath.substring(0, relativePath.length() - SUFFIX.length()).replace('/', '.');
    }
}
