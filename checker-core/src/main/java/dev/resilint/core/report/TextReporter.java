package dev.resilint.core.report;

import java.io.IOException;
import java.io.Writer;

/** Placeholder, replaced by the real Text reporter in this same change. */
public final class TextReporter implements Reporter {
    private final ReportOptions options;

    public TextReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        throw new UnsupportedOperationException("Text reporter not written yet " + options);
    }
}
