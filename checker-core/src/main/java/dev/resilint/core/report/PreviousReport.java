package dev.resilint.core.report;

import dev.resilint.core.Finding;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON report of an earlier run ({@code resilint ... --format json}), read back for
 * {@code --compare}: its date, its active findings and its evaluation gaps, read by
 * {@link JsonReportReader}. Anything that is not such a report (a directory, no file, not JSON,
 * another tool's JSON, another schema version, a truncated or hand-edited report, rules this
 * resilint does not know) is refused with a {@link PreviousReportException} naming the file: a
 * comparison with nothing would call every finding new.
 *
 * @param name the file as the user named it
 * @param date the previous run's day ({@code run.date}); empty for reports of older resilint
 * @param findings the previous run's active findings (its {@code findings}), as findings again
 * @param notEvaluated the previous run's gaps (its {@code notEvaluated})
 * @param groupBy how the previous report grouped its findings ({@code groupBy}), if it did
 * @param groups the previous group of each finding by fingerprint, when it grouped them
 */
public record PreviousReport(String name, Optional<LocalDate> date, List<Finding> findings,
        List<NotEvaluatedGroup> notEvaluated, Optional<String> groupBy, Map<String, String> groups) {

    public PreviousReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        findings = List.copyOf(findings);
        notEvaluated = List.copyOf(notEvaluated);
        Objects.requireNonNull(groupBy, "groupBy");
        groups = Map.copyOf(groups);
    }

    /**
     * Reads the report in {@code file} with {@code reader} (the one strict JSON report reader);
     * {@code name} is how messages name it.
     */
    public static PreviousReport read(Path file, String name, JsonReportReader reader) throws PreviousReportException {
        JsonReportReader.Read read;
        try {
            read = reader.read(file, name);
        } catch (ReportReadException e) {
            throw new PreviousReportException(e.getMessage());
        }
        return of(name, read);
    }

    /** The previous report that {@code read} is. */
    static PreviousReport of(String name, JsonReportReader.Read read) {
        Report report = read.report();
        Map<String, String> groups = new LinkedHashMap<>();
        read.groupBy().ifPresent(by -> {
            Grouping grouping = Grouping.of(report, by);
            report.findings().forEach(f -> groups.put(f.fingerprint(), grouping.group(f)));
        });
        return new PreviousReport(name, report.date(), report.findings(), NotEvaluatedGroup.of(report.notEvaluated()),
                read.groupBy().map(GroupBy::label), groups);
    }
}
