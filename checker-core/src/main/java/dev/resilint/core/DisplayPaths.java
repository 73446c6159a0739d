package dev.resilint.core;

import java.nio.file.Path;

/** How resilint names files in messages and reports. */
public final class DisplayPaths {

    private DisplayPaths() {
    }

    /**
     * {@code file} relative to {@code workingDirectory} with {@code /} separators when it lies
     * below it, else its absolute, normalized form.
     */
    public static String display(Path file, Path workingDirectory) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = workingDirectory.toAbsolutePath().normalize();
        String text = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
        if (text.isEmpty()) {
            text = ".";
        }
        return text.replace(java.io.File.separatorChar, '/');
    }
}
