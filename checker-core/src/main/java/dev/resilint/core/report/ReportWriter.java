package dev.resilint.core.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders a report in the chosen formats and writes each where it goes: to a stream (standard
 * output, a build log) or to a file, whose parent directories are created. The command line and
 * the Maven plugin both write through this, so their reports and their errors are alike. Colour
 * goes only to the stream, never into a file.
 */
public final class ReportWriter {

    /** The name reports use for the stream. */
    public static final String STREAM_NAME = "standard output";

    /**
     * One rendering of the report.
     *
     * @param format the format
     * @param file where it goes; empty for the stream
     * @param displayName the file as the user named it, for messages
     */
    public record Output(ReportFormat format, Optional<Path> file, String displayName) {
        public Output {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(displayName, "displayName");
        }

        /** The format to the stream. */
        public static Output toStream(ReportFormat format) {
            return new Output(format, Optional.empty(), STREAM_NAME);
        }

        /** The format to {@code file}, named {@code displayName} in messages. */
        public static Output toFile(ReportFormat format, Path file, String displayName) {
            return new Output(format, Optional.of(file), displayName);
        }

        public boolean toStream() {
            return file.isEmpty();
        }
    }

    private final ReportOptions options;

    public ReportWriter(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The file a report directory holds for {@code format}: {@code resilint.<extension>}. */
    public static Path fileIn(Path directory, ReportFormat format) {
        return directory.resolve("resilint." + format.extension());
    }

    /** The report in {@code format}, with this writer's options. */
    public String render(Report report, ReportFormat format) {
        return render(report, format, options);
    }

    /**
     * Renders each output in order and writes it: the stream's to {@code stream}, the others to
     * their files. Stops at the first file that cannot be written.
     *
     * @param stream where outputs without a file go; may be null when there are none
     */
    public void write(Report report, List<Output> outputs, Writer stream) throws ReportWriteException {
        for (Output output : outputs) {
            if (output.toStream()) {
                Objects.requireNonNull(stream, "an output goes to the stream, but there is none");
                try {
                    stream.write(render(report, output.format(), options));
                    stream.flush();
                } catch (IOException e) {
                    throw new ReportWriteException(STREAM_NAME, e);
                }
            } else {
                String content = render(report, output.format(), options.withColor(false));
                writeFile(output.file().get(), output.displayName(), content);
            }
        }
    }

    /**
     * Writes {@code content} as UTF-8 to {@code file}, creating its parent directories: for
     * reports and any other file resilint writes (baselines).
     *
     * @throws ReportWriteException naming {@code displayName} and the reason
     */
    public static void writeFile(Path file, String displayName, String content) throws ReportWriteException {
        Path parent = file.toAbsolutePath().getParent();
        for (Path dir = parent; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir)) { // the nearest existing directory above the file must be one
                if (!Files.isDirectory(dir)) {
                    throw new ReportWriteException(displayName,
                            ReportWriteException.relatedName(file, displayName, dir) + " is not a directory");
                }
                break;
            }
        }
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(content);
            }
        } catch (IOException e) {
            throw new ReportWriteException(file, displayName, e);
        }
    }

    private static String render(Report report, ReportFormat format, ReportOptions options) {
        StringWriter out = new StringWriter();
        try {
            format.reporter(options).write(report, out);
        } catch (IOException e) { // a StringWriter does not fail
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
