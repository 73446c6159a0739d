package dev.resilint.core.report;

import dev.resilint.core.FileReasons;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * An output file that cannot be written: {@code cannot write FILE: <reason>}, where the reason is
 * what the file system said (permission denied, is a directory, no space left on device). A
 * mistake the user can fix: exit code 2, no stack trace.
 */
public final class ReportWriteException extends Exception {

    private final String displayName;

    /**
     * @param file the file as written (absolute or relative to the working directory)
     * @param displayName the file as the user named it
     * @param cause what the file system reported
     */
    public ReportWriteException(Path file, String displayName, IOException cause) {
        super("cannot write " + displayName + ": " + reason(file, displayName, cause), cause);
        this.displayName = displayName;
    }

    /** A failure described in words: {@code cannot write DISPLAY_NAME: REASON}. */
    public ReportWriteException(String displayName, String reason) {
        super("cannot write " + displayName + ": " + reason);
        this.displayName = displayName;
    }

    /** A stream or other target that is not a file, such as standard output. */
    public ReportWriteException(String displayName, IOException cause) {
        super("cannot write " + displayName + ": " + reason(null, displayName, cause), cause);
        this.displayName = displayName;
    }

    /** The file as the user named it. */
    public String displayName() {
        return displayName;
    }

    /**
     * The cause in words, naming the path the file system complained about when it is not the
     * file itself (a parent directory, say).
     */
    static String reason(Path file, String displayName, IOException e) {
        String other = e instanceof FileSystemException fse ? fse.getFile() : null;
        String where = other == null ? "" : file == null ? other : relatedName(file, displayName, Path.of(other));
        String prefix = where.isEmpty() ? "" : where + ": ";
        if (e instanceof FileAlreadyExistsException) {
            return (where.isEmpty() ? "it" : where) + " exists and is not a directory";
        }
        return prefix + FileReasons.of(e); // the reason in words, never the bare path
    }

    /**
     * How to name {@code other}, a path the file system complained about: empty when it is the
     * file itself, the matching ancestor of {@code displayName} when it is one of the file's
     * directories, else as given.
     */
    static String relatedName(Path file, String displayName, Path other) {
        Path target = file.toAbsolutePath().normalize();
        Path about = other.toAbsolutePath().normalize();
        if (about.equals(target)) {
            return "";
        }
        if (target.startsWith(about)) {
            Path shown = Path.of(displayName);
            for (int up = target.getNameCount() - about.getNameCount(); up > 0 && shown != null; up--) {
                shown = shown.getParent();
            }
            if (shown != null) {
                return shown.toString();
            }
        }
        return other.toString();
    }
}
