package dev.resilint.core.report;

import java.io.IOException;
import java.io.Writer;

/** Placeholder, replaced by the real Junit reporter in this same change. */
public final class JunitReporter implements Reporter {
    private final ReportOptions options;

    public JunitReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        throw new UnsupportedOperationException("Junit reporter not written yet " + options);
    }
}
