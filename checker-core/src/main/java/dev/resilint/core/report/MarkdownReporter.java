package dev.resilint.core.report;

import java.io.IOException;
import java.io.Writer;

/** Placeholder, replaced by the real Markdown reporter in this same change. */
public final class MarkdownReporter implements Reporter {
    private final ReportOptions options;

    public MarkdownReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        throw new UnsupportedOperationException("Markdown reporter not written yet " + options);
    }
}
