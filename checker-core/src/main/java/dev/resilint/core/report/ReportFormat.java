package dev.resilint.core.report;

import java.util.Locale;
import java.util.Optional;

/** The output formats, as named by {@code --format}. */
public enum ReportFormat {
    TEXT("txt"),
    JSON("json"),
    SARIF("sarif"),
    JUNIT("xml"),
    MARKDOWN("md");

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
        };
    }
}
