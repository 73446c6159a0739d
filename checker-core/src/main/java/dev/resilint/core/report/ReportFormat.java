package dev.resilint.core.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The output formats, as named by {@code --format}. */
public enum ReportFormat {
    TEXT("txt"),
    JSON("json"),
    SARIF("sarif"),
    JUNIT("xml"),
    MARKDOWN("md"),
    GITLAB("gitlab.json");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** File extension for report files written to a directory (Maven plugin). */
    public String extension() {
        return extension;
    }

    /** {@code text, json, sarif, junit, markdown or gitlab}: the labels, for messages and help. */
    public static String labels() {
        List<String> labels = Arrays.stream(values()).map(ReportFormat::label).toList();
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }

    public static Optional<ReportFormat> parse(String text) {
        for (ReportFormat f : values()) {
            if (f.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Creates the reporter for this format. */
    public Reporter reporter(ReportOptions options) {
        return switch (this) {
            case TEXT -> new TextReporter(options);
            case JSON -> new JsonReporter(options);
            case SARIF -> new SarifReporter(options);
            case JUNIT -> new JunitReporter(options);
            case MARKDOWN -> new MarkdownReporter(options);
            case GITLAB -> new GitlabReporter(options);
        };
    }
}
