package dev.resilint.core.report;

import java.io.IOException;
import java.io.Writer;

/** Placeholder, replaced by the real Json reporter in this same change. */
public final class JsonReporter implements Reporter {
    private final ReportOptions options;

    public JsonReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        throw new UnsupportedOperationException("Json reporter not written yet " + options);
    }
}
