package dev.resilint.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReasonsTest {

    @TempDir
    Path dir;

    @Test
    void namesTheCauseOfEachFileSystemError() {
        assertThat(FileReasons.of(new AccessDeniedException("/x/y"))).isEqualTo("permission denied");
        assertThat(FileReasons.of(new NoSuchFileException("/x/y"))).isEqualTo("no such file or directory");
        assertThat(FileReasons.of(new NotDirectoryException("/x/y"))).isEqualTo("not a directory");
        assertThat(FileReasons.of(new FileSystemLoopException("/x/y"))).isEqualTo(FileReasons.LINK_LOOP);
        assertThat(FileReasons.of(new FileAlreadyExistsException("/x/y"))).isEqualTo("exists and is not a directory");
        // what the JDK throws for ELOOP: a plain FileSystemException with the OS's words
        assertThat(FileReasons.of(new FileSystemException("/x/y", null, "Too many levels of symbolic links")))
                .isEqualTo(FileReasons.LINK_LOOP);
        assertThat(FileReasons.of(new FileSystemException("/x/y", null, "No space left on device")))
                .isEqualTo("no space left on device");
        assertThat(FileReasons.of(new java.io.FileNotFoundException("/x/app.jar (Permission denied)")))
                .isEqualTo("permission denied");
        assertThat(FileReasons.of(new java.io.FileNotFoundException("/x/app.jar (Is a directory)")))
                .isEqualTo("is a directory");
        // never a bare path or nothing
        assertThat(FileReasons.of(new FileSystemException("/x/y"))).isEqualTo("FileSystemException");
        assertThat(FileReasons.of(new IOException("Stream closed"))).isEqualTo("stream closed");
        assertThat(FileReasons.of(new IOException())).isEqualTo("IOException");
    }

    @Test
    void tellsMissingPathsApart() throws Exception {
        assertThat(FileReasons.missing(dir)).isEmpty();
        assertThat(FileReasons.missing(dir.resolve("nope"))).contains("no such file or directory");
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThat(FileReasons.missing(a)).contains(FileReasons.LINK_LOOP);
        Path broken = Files.createSymbolicLink(dir.resolve("broken"), dir.resolve("gone"));
        assertThat(FileReasons.missing(broken).orElseThrow()).startsWith("a broken symbolic link (to ")
                .endsWith("gone, which does not exist)");
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThat(FileReasons.missing(file.resolve("below"))).contains("not a directory");
    }
}
