package dev.resilint.core.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code git} in one directory, with a time limit, and turns its failures into messages. */
final class Git {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path directory;

    Git(Path directory) {
        this.directory = directory;
    }

    /** Runs {@code git ARGS...} with {@code input} on its standard input; its standard output, or the failure. */
    Result run(byte[] input, String... args) throws HistoryException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.add("-c");
        command.add("core.quotepath=off");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).start();
        } catch (IOException e) {
            throw new HistoryException("--new-since needs git on the PATH (" + e.getMessage() + ")");
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new HistoryException("git " + args[0] + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            // the process has ended, so its streams end too; the bound only guards against a grandchild holding them
            byte[] stdout = out.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            byte[] stderr = err.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            return new Result(process.exitValue(), stdout, new String(stderr, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            process.destroyForcibly();
            throw new HistoryException("git " + args[0] + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new HistoryException("interrupted while git " + args[0] + " ran");
        }
    }

    Result run(String... args) throws HistoryException {
        return run(new byte[0], args);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one git command gave. */
    record Result(int exit, byte[] out, String err) {

        boolean ok() {
            return exit == 0;
        }

        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        /** The standard output split at NUL bytes ({@code -z} output), without empty parts. */
        List<String> zeroSeparated() {
            List<String> parts = new ArrayList<>();
            for (String s : text().split("\0")) {
                if (!s.isEmpty()) {
                    parts.add(s);
                }
            }
            return parts;
        }
    }
}
