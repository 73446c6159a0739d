package dev.resilint.core.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a {@link Report}. Output is deterministic: the same report gives the same bytes. */
public interface Reporter {

    void write(Report report, Writer out) throws IOException;
}
