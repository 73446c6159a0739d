package dev.resilint.core;

import java.util.ArrayList;
import java.util.List;

/** What an analysis produced: findings, the suppressions it read, problems, and the files it looked at. */
public final class Results {

    private final List<Finding> findings = new ArrayList<>();
    private final List<Suppression> suppressions = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<NotEvaluated> notEvaluated = new ArrayList<>();

    public synchronized void addFinding(Finding finding) {
        findings.add(finding);
    }

    public synchronized void addSuppression(Suppression suppression) {
        suppressions.add(suppression);
    }

    public synchronized void addProblem(Problem problem) {
        problems.add(problem);
    }

    /** Records a file that was analyzed. */
    public synchronized void addFile(String file) {
        files.add(file);
    }

    /** Records something shown only with {@code --verbose}: a skipped file and why, say. */
    public synchronized void addNote(String note) {
        notes.add(note);
    }

    /** Records a rule that could not judge part of its input. */
    public synchronized void addNotEvaluated(NotEvaluated gap) {
        notEvaluated.add(gap);
    }

    public synchronized void addAll(Results other) {
        findings.addAll(other.findings());
        suppressions.addAll(other.suppressions());
        problems.addAll(other.problems());
        files.addAll(other.files());
        notes.addAll(other.notes());
        notEvaluated.addAll(other.notEvaluated());
    }

    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    public synchronized List<Suppression> suppressions() {
        return List.copyOf(suppressions);
    }

    public synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    public synchronized List<String> files() {
        return List.copyOf(files);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized List<NotEvaluated> notEvaluated() {
        return List.copyOf(notEvaluated);
    }
}
