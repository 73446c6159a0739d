package dev.resilint.core;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file system error means, in the words resilint's messages use: {@code permission
 * denied}, {@code no such file or directory}, {@code a symbolic link loop}, {@code is a
 * directory}. One place, so that reading a template, a configuration, a baseline or a class
 * directory, and writing a report, name the same cause the same way, never as an exception's
 * class name or a bare path.
 */
public final class FileReasons {

    /** The reason for a path that does not exist. */
    public static final String NO_SUCH_FILE = "no such file or directory";
    /** The reason for a path the user may not read or search. */
    public static final String PERMISSION_DENIED = "permission denied";
    /** The reason for a path whose symbolic links lead back to themselves. */
    public static final String LINK_LOOP = "a symbolic link loop (too many levels of symbolic links)";

    private FileReasons() {
    }

    /** The cause of {@code e} in words, without the path it names. */
    public static String of(IOException e) {
        if (e instanceof AccessDeniedException) {
            return PERMISSION_DENIED;
        }
        if (e instanceof NoSuchFileException) {
            return NO_SUCH_FILE;
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemLoopException || isLinkLoop(e)) {
            return LINK_LOOP;
        }
        if (e instanceof FileNotFoundException) { // java.io's: "PATH (Permission denied)"
            String message = String.valueOf(e.getMessage());
            if (message.endsWith("(Permission denied)")) {
                return PERMISSION_DENIED;
            }
            if (message.endsWith("(No such file or directory)")) {
                return NO_SUCH_FILE;
            }
            if (message.endsWith("(Is a directory)")) {
                return "is a directory";
            }
        }
        if (e instanceof FileAlreadyExistsException) {
            return "exists and is not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null && !fse.getReason().isBlank()) {
            return lowerFirst(fse.getReason().strip());
        }
        String message = e.getMessage();
        if (e instanceof FileSystemException fse && message != null && message.equals(fse.getFile())) {
            return e.getClass().getSimpleName(); // the message is only the path
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : lowerFirst(message.strip());
    }

    /** Whether {@code e} says that symbolic links lead back to themselves (ELOOP). */
    public static boolean isLinkLoop(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return true;
        }
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.getMessage();
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("too many levels of symbolic links");
    }

    /**
     * Why {@code path}, which the user named, cannot be used as an input: empty when it exists (as
     * a file, a directory or anything else), else the reason, such as {@link #PERMISSION_DENIED}
     * when a directory above it may not be searched, {@link #LINK_LOOP}, or a broken symbolic link.
     * Unlike {@link Files#exists}, which says false for all of these, it tells them apart.
     */
    public static Optional<String> missing(Path path) {
        try {
            Files.readAttributes(path, BasicFileAttributes.class);
            return Optional.empty();
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(path)) {
                String target;
                try {
                    target = Files.readSymbolicLink(path).toString();
                } catch (IOException | UnsupportedOperationException unreadable) {
                    target = "?";
                }
                return Optional.of("a broken symbolic link (to " + target + ", which does not exist)");
            }
            return Optional.of(NO_SUCH_FILE);
        } catch (IOException e) {
            return Optional.of(of(e));
        }
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
