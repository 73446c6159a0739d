package dev.resilint.code;

import dev.resilint.code.rules.SdkCallBudget;
import dev.resilint.core.budget.HandlerReader;
import dev.resilint.core.budget.HandlerTimeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The code side of the timeout budget (TO03) over class directories and jars: a handler class is
 * looked up by name in each, in order, and read with its nested classes ({@code Orders$1},
 * {@code Orders$Clients}) by {@link SdkCallBudget}. Only the classes asked for are read, not the
 * whole path. A path that is neither a directory nor a jar is the caller's to reject first
 * ({@link #problem}).
 */
public final class HandlerClasses implements HandlerReader {

    private static final String SUFFIX = ".class";

    private final List<Path> paths;

    /** @param paths class directories and jars, already resolved */
    public HandlerClasses(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    /** What is wrong with {@code path} as a class directory or jar, if anything, in words. */
    public static Optional<String> problem(Path path) {
        if (Files.isDirectory(path)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of("no such class directory or jar");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".jar") && !name.endsWith(".zip") && !name.endsWith(".war")) {
            return Optional.of("not a class directory or jar");
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot open jar: " + e.getMessage());
        }
    }

    @Override
    public Optional<HandlerTimeouts> read(String className) {
        for (Path path : paths) {
            List<byte[]> files = Files.isDirectory(path) ? fromDirectory(path, className) : fromJar(path, className);
            if (!files.isEmpty()) {
                return SdkCallBudget.of(files);
            }
        }
        return Optional.empty(); // not among the classes: unknown
    }

    /** The class and its nested classes from a directory, the class first; empty when it is not there. */
    private static List<byte[]> fromDirectory(Path dir, String className) {
        String binary = className.replace('.', '/');
        Path file = dir.resolve(binary + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<byte[]> files = new ArrayList<>();
        try {
            files.add(Files.readAllBytes(file));
            String simple = file.getFileName().toString().replace(SUFFIX, "");
            List<Path> nested = new ArrayList<>();
            try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(), simple + "$*" + SUFFIX)) {
                siblings.forEach(nested::add);
            }
            Collections.sort(nested);
            for (Path n : nested) {
                files.add(Files.readAllBytes(n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<byte[]> fromJar(Path path, String className) {
        String binary = className.replace('.', '/');
        try (JarFile jar = new JarFile(path.toFile())) {
            JarEntry main = jar.getJarEntry(binary + SUFFIX);
            if (main == null) {
                return List.of();
            }
            List<byte[]> files = new ArrayList<>();
            files.add(read(jar, main));
            List<JarEntry> nested = new ArrayList<>();
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.getName().startsWith(binary + "$") && e.getName().endsWith(SUFFIX)
                        && e.getName().indexOf('/', binary.length()) < 0) {
                    nested.add(e);
                }
            }
            nested.sort(java.util.Comparator.comparing(JarEntry::getName));
            for (JarEntry e : nested) {
                files.add(read(jar, e));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
