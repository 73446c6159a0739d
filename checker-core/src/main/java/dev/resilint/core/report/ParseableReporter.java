package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import java.io.IOException;
import java.io.Writer;

/**
 * One line per finding, for grep, editors and compile-mode buffers:
 *
 * <pre>
 * stacks/db.yaml:7:5: AZ04 error RDS instance Db is not Multi-AZ ...
 * arn:aws:rds:eu-west-1:123456789012:db:orders:0:0: AZ04 error RDS instance orders is not Multi-AZ ...
 * </pre>
 *
 * A template finding names its file, a live one its ARN, a code one its source file (or class);
 * line and column are 0 when unknown, so that every line has the same shape. Nothing else is
 * printed: no headings, no summary, no problems (the command line prints those to standard error),
 * and no output at all when there is no finding.
 */
public final class ParseableReporter implements Reporter {

    private final ReportOptions options;

    public ParseableReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Finding f : Places.shown(report, options)) {
            sb.append(line(f)).append('\n');
        }
        out.write(sb.toString());
        out.flush();
    }

    /** {@code place:line:column: ID severity message}, on one line. */
    static String line(Finding f) {
        Location at = f.location();
        String place;
        if (at instanceof Location.Live l) {
            place = l.arn();
        } else if (at instanceof Location.Code c && c.file().isEmpty()) {
            place = c.className();
        } else {
            place = at.file();
        }
        String message = f.message().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return place + ":" + at.line() + ":" + at.column() + ": " + f.ruleId() + " " + f.severity().label() + " "
                + message + (f.isSuppressed() ? " (suppressed)" : "");
    }
}
