package dev.resilint.core.report;

import java.io.IOException;
import java.io.Writer;

/** Placeholder, replaced by the real Sarif reporter in this same change. */
public final class SarifReporter implements Reporter {
    private final ReportOptions options;

    public SarifReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        throw new UnsupportedOperationException("Sarif reporter not written yet " + options);
    }
}
