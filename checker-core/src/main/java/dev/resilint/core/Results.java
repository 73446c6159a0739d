package dev.resilint.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an analysis produced: findings, the suppressions it read, problems, the files and scopes it
 * judged, and the tags of the resources findings are about.
 */
public final class Results {

    private final List<Finding> findings = new ArrayList<>();
    private final List<Suppression> suppressions = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<NotEvaluated> notEvaluated = new ArrayList<>();
    private final List<String> scopes = new ArrayList<>();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final Set<String> tagsUnread = new HashSet<>();

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

    /**
     * Records a scope whose resources the rules judged: a template file, or {@code account/region}
     * of a live scan (as {@link NotEvaluated#scope()} names it). What a later run compares with.
     */
    public synchronized void addScope(String scope) {
        scopes.add(scope);
    }

    /** Records the tags of the resource at {@code resource} (a finding's location), as its source read them. */
    public synchronized void addResourceTags(Location resource, Map<String, String> resourceTags) {
        tags.put(ResourceTags.key(resource), Map.copyOf(resourceTags));
    }

    /** Records that the tags of the resource at {@code resource} could not be read. */
    public synchronized void addUnreadTags(Location resource) {
        tagsUnread.add(ResourceTags.key(resource));
    }

    public synchronized void addAll(Results other) {
        findings.addAll(other.findings());
        suppressions.addAll(other.suppressions());
        problems.addAll(other.problems());
        files.addAll(other.files());
        notes.addAll(other.notes());
        notEvaluated.addAll(other.notEvaluated());
        scopes.addAll(other.scopes());
        synchronized (other) {
            tags.putAll(other.tags);
            tagsUnread.addAll(other.tagsUnread);
        }
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

    public synchronized List<String> scopes() {
        return List.copyOf(scopes);
    }

    public synchronized ResourceTags resourceTags() {
        return ResourceTags.of(tags, tagsUnread);
    }
}
