package dev.resilint.core.history;

import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * {@code --new-since REF}: a baseline computed from history. The inputs are judged as they are at
 * REF (with the current configuration, so a rule change does not make old findings new), and
 * every active finding there becomes a baseline entry; the run on the working tree then reports
 * only findings whose fingerprints REF did not have. A problem fixed since REF shows as a baseline
 * entry that no longer occurs.
 *
 * @param revision the revision as the user named it
 * @param commit the commit it resolved to
 * @param baseline the findings at that commit
 * @param files how many files were read there
 * @param changed the files below the working directory that differ from the revision (changed,
 *     added, renamed or untracked), relative to it with {@code /}: what the pull-request report's
 *     AZ-failure verdicts are shown for
 */
public record NewSince(String revision, String commit, Baseline baseline, int files, Set<String> changed) {

    public NewSince {
        changed = Set.copyOf(changed);
    }

    /**
     * Judges {@code inputs} as they are at {@code revision}.
     *
     * @param wanted which file names to copy out of the revision (those the analyzer may read)
     * @param judge runs the analysis with a working directory and inputs inside the snapshot
     */
    public static NewSince at(String revision, Path workingDirectory, List<Path> inputs, Predicate<String> wanted,
            BiFunction<Path, List<Path>, Report> judge) throws HistoryException {
        try (RevisionSnapshot snapshot = RevisionSnapshot.extract(workingDirectory, revision, inputs, wanted)) {
            Report there = judge.apply(snapshot.workingDirectory(), snapshot.inputs());
            return new NewSince(revision, snapshot.commit(), Baseline.of(there.findings()), snapshot.files(),
                    snapshot.changed());
        }
    }

    /** This baseline together with the user's own, if any. */
    public Baseline with(Optional<Baseline> own) {
        if (own.isEmpty()) {
            return baseline;
        }
        List<Baseline.Entry> entries = new ArrayList<>(own.get().entries());
        entries.addAll(baseline.entries());
        return new Baseline(entries);
    }

    /** A note for the report: what the findings were compared with. */
    public String note() {
        return "new since " + revision + " (" + commit.substring(0, Math.min(12, commit.length())) + "): "
                + baseline.entries().size() + " finding(s) there in " + files + " file(s) read with git";
    }
}
