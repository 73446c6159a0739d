package dev.resilint.core.baseline;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings as a run from another directory would report them. A template finding names its file
 * relative to the working directory, and its fingerprint hashes that path; a baseline records its
 * template paths relative to its own directory instead, so that it matches whichever directory
 * resilint runs in. Live and code findings name no file in their fingerprints and stay as they are.
 */
public final class Relocation {

    private Relocation() {
    }

    /**
     * {@code findings} (in their order) with template files, and their fingerprints, relative to
     * {@code directory} instead of {@code workingDirectory}: what a run in {@code directory} gives.
     */
    public static List<Finding> relativeTo(List<Finding> findings, Path workingDirectory, Path directory) {
        Path from = workingDirectory.toAbsolutePath().normalize();
        Path to = directory.toAbsolutePath().normalize();
        if (from.equals(to)) {
            return List.copyOf(findings);
        }
        List<Finding> moved = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.location() instanceof Location.Template t) {
                moved.add(f.at(new Location.Template(file(t.file(), from, to), t.line(), t.column(), t.logicalPath(),
                        t.resourceId(), t.resourceType())));
            } else {
                moved.add(f);
            }
        }
        return Engine.uniqueFingerprints(moved);
    }

    /** {@code file} (relative to {@code from}, or absolute) relative to {@code to}, {@code /}-separated. */
    static String file(String file, Path from, Path to) {
        if (file.isEmpty() || file.startsWith("<")) { // standard input has no directory
            return file;
        }
        Path absolute = from.resolve(file.replace('/', File.separatorChar)).normalize();
        String relative = to.relativize(absolute).toString();
        return relative.replace(File.separatorChar, '/');
    }
}
