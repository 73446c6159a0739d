package dev.resilint.cli;

import dev.resilint.core.report.Comparison;
import dev.resilint.core.report.GroupBy;
import dev.resilint.core.report.GroupPages;
import dev.resilint.core.report.JsonReportReader;
import dev.resilint.core.report.PreviousReport;
import dev.resilint.core.report.PreviousReportException;
import dev.resilint.core.report.Report;
import dev.resilint.core.report.ReportOptions;
import dev.resilint.core.report.ReportWriteException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What changed since an earlier run and who must act, for every command that reports findings
 * ({@code check}, {@code code}, {@code scan}, and {@code merge} of a scan's shards): {@code --compare} with a previous JSON report,
 * {@code --fail-on-new}, {@code --group-by} and {@code --output-dir}. Everything is checked, and the
 * previous report read, before the analysis starts: a nightly scan must not read an organisation
 * for an hour and then stop on a mistyped file name.
 */
final class TriageOptions {

    @Option(names = "--compare", paramLabel = "PREVIOUS.json",
            description = "Compare with the JSON report of an earlier run (--format json): each finding is new or "
                    + "unchanged, previous findings no longer found are fixed, or not re-checked where this run could "
                    + "not evaluate them; text and Markdown lead with 'N new, M fixed since DATE'.")
    Path compare;

    @Option(names = "--fail-on-new",
            description = "With --compare: only new findings count toward --fail-on and exit code 1 (gaps still "
                    + "give 4, unreadable inputs 2).")
    boolean failOnNew;

    @Option(names = "--group-by", paramLabel = "tag:KEY|account|region|rule",
            description = "Group the text and Markdown reports into sections, one per value of a resource tag "
                    + "(case-sensitive key), AWS account, region or rule; JSON findings get their \"group\".")
    String groupBy;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "With --group-by: also write one Markdown file per group, and index.md, into DIR "
                    + "(created when missing; files there are overwritten).")
    Path outputDir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The options, checked, with the previous report read.
     *
     * @param previous the previous report, when comparing
     * @param failOnNew whether only new findings fail the run
     * @param groupBy the grouping, if any
     * @param outputDir where the pages of the groups go, if anywhere
     * @param outputDirName the directory as the user named it
     */
    record Plan(Optional<PreviousReport> previous, boolean failOnNew, Optional<GroupBy> groupBy,
            Optional<Path> outputDir, String outputDirName) {

        /** The report compared with the previous one, when comparing. */
        Report compare(Report report) {
            return previous.map(p -> report.withComparison(Comparison.of(report, p, failOnNew))).orElse(report);
        }

        /** Writes the page of every group, and the index, when {@code --output-dir} was given. */
        void writePages(Report report, ReportOptions options) {
            if (outputDir.isEmpty()) {
                return;
            }
            try {
                GroupPages.write(report, groupBy.orElseThrow(), options, outputDir.get(), outputDirName);
            } catch (ReportWriteException e) {
                throw new UserException(e.getMessage());
            }
        }
    }

    /** Checks the options and reads the previous report; a usage error naming the option otherwise. */
    Plan plan(Main.Environment env) {
        if (failOnNew && compare == null) {
            throw new UserException("--fail-on-new needs --compare PREVIOUS.json: the report that says what is not new");
        }
        Optional<GroupBy> by = Optional.empty();
        if (groupBy != null) {
            try {
                by = Optional.of(GroupBy.parse(groupBy));
            } catch (IllegalArgumentException e) {
                throw new UserException("--group-by " + e.getMessage());
            }
            if (by.get().kind() == GroupBy.Kind.TAG && skipsTags()) {
                throw new UserException("--group-by " + groupBy + " needs the resources' tags, which --skip-tags does "
                        + "not read: give one of them");
            }
        }
        if (outputDir != null) {
            if (by.isEmpty()) {
                throw new UserException("--output-dir needs --group-by: it writes one file per group");
            }
            createDirectory(env.workingDirectory());
        }
        Optional<PreviousReport> previous = Optional.empty();
        if (compare != null) {
            try {
                previous = Optional.of(PreviousReport.read(env.workingDirectory().resolve(compare), compare.toString(),
                        JsonReportReader.forComparison(env.analyzers().catalog()::find)));
            } catch (PreviousReportException e) {
                throw new UserException("--compare " + e.getMessage());
            }
        }
        return new Plan(previous, failOnNew, by, Optional.ofNullable(outputDir).map(env.workingDirectory()::resolve),
                outputDir == null ? "" : outputDir.toString());
    }

    /** Creates the directory of {@code --output-dir} before the analysis, so that a scan does not end on it. */
    private void createDirectory(Path workingDirectory) {
        Path dir = workingDirectory.resolve(outputDir);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException("--output-dir " + outputDir + ": not a directory");
        }
        for (Path above = dir.getParent(); above != null; above = above.getParent()) {
            if (Files.exists(above)) { // the nearest existing directory above DIR must be one
                if (!Files.isDirectory(above)) {
                    throw new UserException("--output-dir " + outputDir + ": cannot create it, "
                            + (above.startsWith(workingDirectory) ? workingDirectory.relativize(above) : above)
                            + " is not a directory");
                }
                break;
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new UserException("--output-dir " + outputDir + ": cannot create it (permission denied)");
        } catch (IOException e) {
            throw new UserException("--output-dir " + outputDir + ": cannot create it (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new UserException("--output-dir " + outputDir + ": not writable");
        }
    }

    /** Whether the command reads no tags where it could ({@code scan --skip-tags}). */
    private boolean skipsTags() {
        OptionSpec skip = command == null ? null : command.findOption("--skip-tags");
        return skip != null && Boolean.TRUE.equals(skip.getValue());
    }
}
