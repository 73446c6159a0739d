package dev.resilint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the command line where file permissions bind, so that {@code chmod 000} really denies a
 * read: in-process for an ordinary user; for root (a container, a CI sandbox), in a child JVM
 * started through {@code setpriv} with the capabilities that let root ignore permissions
 * ({@code CAP_DAC_OVERRIDE}, {@code CAP_DAC_READ_SEARCH}) dropped from its bounding set. The
 * child still runs as root, so it reads the class path (root's own files) as before; a directory
 * of mode 000 is closed to it as to anyone. Without either way, the test is skipped with the reason.
 */
final class Unprivileged {

    private static final String DROP = "--bounding-set=-dac_override,-dac_read_search";
    private static Optional<String> unavailable;

    private Unprivileged() {
    }

    /** Skips the calling test, naming the reason, when permissions cannot be made to bind. */
    static void assumeAvailable() {
        Optional<String> why = whyUnavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "permissions cannot be made to bind here: " + why.orElse(""));
    }

    /** Runs {@code resilint args} in {@code workingDirectory} where permissions bind. */
    static Cli.Result run(Path workingDirectory, String... args) throws Exception {
        assumeAvailable();
        if (!isRoot()) {
            return new Cli(workingDirectory).run(args);
        }
        List<String> command = new ArrayList<>(List.of("setpriv", DROP, "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        pb.environment().put("NO_COLOR", "1");
        Path out = Files.createTempFile("resilint-out", ".txt");
        Path err = Files.createTempFile("resilint-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("resilint " + String.join(" ", args) + " did not end in 120 s");
            }
            return new Cli.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Sets {@code path}'s permissions, such as {@code ---------} for none. */
    static void chmod(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }

    private static synchronized Optional<String> whyUnavailable() {
        if (unavailable == null) {
            unavailable = probe();
        }
        return unavailable;
    }

    private static Optional<String> probe() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("resilint-probe");
            Path closed = Files.writeString(dir.resolve("closed"), "x");
            chmod(closed, "---------");
            if (!isRoot()) {
                return Files.isReadable(closed) ? Optional.of("a file of mode 000 is readable") : Optional.empty();
            }
            Process p;
            try {
                p = new ProcessBuilder("setpriv", DROP, "--", "cat", closed.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                return Optional.of("running as root and setpriv is not available (" + e.getMessage() + ")");
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("setpriv did not end");
            }
            return p.exitValue() != 0 ? Optional.empty()
                    : Optional.of("running as root, and dropping CAP_DAC_OVERRIDE with setpriv does not deny reads");
        } catch (IOException | InterruptedException e) {
            return Optional.of("cannot probe: " + e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve("closed"));
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // a temporary directory left behind
                }
            }
        }
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
