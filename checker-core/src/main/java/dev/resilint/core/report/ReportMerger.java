package dev.resilint.core.report;

import dev.resilint.core.Engine;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.ResourceTags;
import dev.resilint.core.Shard;
import dev.resilint.core.baseline.Baseline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Joins the JSON reports of one scan's shards ({@code resilint scan --shard K/N}) into the report
 * one scan over all their accounts gives: the same findings, order, counts and exit code, so that
 * every format renders it byte for byte alike.
 *
 * <p>It refuses, naming the files: reports of different resilint versions, fail thresholds or
 * configurations ({@link Report#configuration()}), a report that is not a shard's, shards of
 * different counts, the same shard twice, a missing shard, shards that saw different account lists,
 * and an account in two reports.
 *
 * <p>What belongs to an account (its findings, gaps and notes) is joined; what every shard reports
 * alike because it comes from the shared configuration (an invalid suppression in
 * {@code .resilint.yaml}, a problem of the caller's credentials) is kept once. A baseline entry
 * no longer occurs when it occurs in no shard. The shard notes are left out: a scan without
 * {@code --shard} has none. The scopes the shards judged and the tags of their findings' resources
 * are joined (so the merge can be compared and grouped by a tag); the merge's date ({@code run.date})
 * is the earliest shard's: the day the scan started, when a matrix of shards runs across midnight.
 * Shards that were compared with a previous report are refused: the merge is compared instead.
 */
public final class ReportMerger {

    private static final Pattern LIVE_SCOPE = Pattern.compile("(\\d{12})/.*");
    private static final Pattern ACCOUNT_NOTE = Pattern.compile("scanned (\\d{12})/.*");

    /**
     * One report to merge.
     *
     * @param name the file as the user named it, for messages
     * @param read the report read back
     */
    public record Input(String name, JsonReportReader.Read read) {
        public Input {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(read, "read");
        }

        Report report() {
            return read.report();
        }
    }

    /** Reports that cannot be merged; the message names the files and why, on one line. */
    public static final class MergeException extends Exception {
        public MergeException(String message) {
            super(message);
        }
    }

    private ReportMerger() {
    }

    /**
     * The report of the scan whose shards {@code inputs} are; its tool version is theirs.
     *
     * @param failOn the threshold to judge the merged findings by; empty for the shards' own, which
     *     must then agree
     */
    public static Report merge(List<Input> inputs, Optional<FailThreshold> failOn) throws MergeException {
        if (inputs.isEmpty()) {
            throw new MergeException("no reports to merge");
        }
        Set<String> names = new HashSet<>();
        for (Input i : inputs) {
            if (!names.add(i.name())) {
                throw new MergeException(i.name() + " is given twice");
            }
        }
        Map<Input, Shard.Note> notes = shardNotes(inputs);
        for (Input i : inputs) {
            if (i.report().configuration().isEmpty()) {
                throw new MergeException(i.name() + " does not record its configuration (run.configuration), so it "
                        + "cannot be checked against the other shards");
            }
        }
        for (Input i : inputs) {
            if (i.report().comparison().isPresent()) {
                throw new MergeException(i.name() + " was compared with a previous report (--compare): scan the "
                        + "shards without --compare and give --compare to merge");
            }
        }
        same(inputs, i -> i.read().toolVersion(), "were written by different resilint versions");
        if (failOn.isEmpty()) {
            same(inputs, i -> i.report().threshold().label(), "have different fail thresholds (give --fail-on)");
        }
        same(inputs, i -> i.report().configuration(),
                "were scanned with different configurations (rules and their settings, suppressions, baseline, "
                        + "accounts or regions)");
        same(inputs, i -> i.report().rules().toString(), "ran different rules");
        checkShards(inputs, notes);
        checkAccounts(inputs, notes);
        checkTotals(inputs, notes);
        Report joined = join(inputs);
        return failOn.map(t -> joined.withThreshold(t)).orElse(joined);
    }

    private static void same(List<Input> inputs, Function<Input, String> value, String differ) throws MergeException {
        Input first = inputs.get(0);
        for (Input other : inputs.subList(1, inputs.size())) {
            String a = value.apply(first);
            String b = value.apply(other);
            if (!a.equals(b)) {
                boolean shortValues = a.length() <= 20 && b.length() <= 20;
                throw new MergeException(first.name() + " and " + other.name() + " " + differ
                        + (shortValues ? " (" + a + " and " + b + ")" : "") + ": merge the shards of one scan");
            }
        }
    }

    private static Map<Input, Shard.Note> shardNotes(List<Input> inputs) throws MergeException {
        Map<Input, Shard.Note> notes = new LinkedHashMap<>();
        for (Input i : inputs) {
            List<Shard.Note> found = i.report().notes().stream().map(Shard.Note::parse).flatMap(Optional::stream)
                    .toList();
            if (found.size() != 1) {
                throw new MergeException(i.name() + (found.isEmpty()
                        ? " is not the report of a shard of a scan (resilint scan --shard K/N --format json): merge "
                                + "joins the shards of one scan"
                        : " states several shards"));
            }
            notes.put(i, found.get(0));
        }
        return notes;
    }

    /** Shards 1 to N of one N, each once. */
    private static void checkShards(List<Input> inputs, Map<Input, Shard.Note> notes) throws MergeException {
        Input first = inputs.get(0);
        int count = notes.get(first).shard().count();
        Map<Integer, Input> byIndex = new TreeMap<>();
        for (Input i : inputs) {
            Shard shard = notes.get(i).shard();
            if (shard.count() != count) {
                throw new MergeException(first.name() + " is shard " + notes.get(first).shard() + " but " + i.name()
                        + " is shard " + shard + ": merge the shards of one scan");
            }
            Input twice = byIndex.putIfAbsent(shard.index(), i);
            if (twice != null) {
                throw new MergeException(twice.name() + " and " + i.name() + " are both shard " + shard
                        + ": give each shard once");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            String given = byIndex.values().stream().map(i -> i.name() + " (" + notes.get(i).shard() + ")")
                    .collect(Collectors.joining(", "));
            throw new MergeException((missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing (given: " + given
                    + "): a merge of some shards would pass over the accounts of the others");
        }
    }

    /** The shards saw one account list, and hold it between them. */
    private static void checkTotals(List<Input> inputs, Map<Input, Shard.Note> notes) throws MergeException {
        Input first = inputs.get(0);
        Input counted = null;
        int held = 0;
        for (Input i : inputs) {
            Shard.Note note = notes.get(i);
            if (note.total().isEmpty()) {
                continue; // that shard could not list the accounts: its problem says so, and is merged
            }
            held += note.held().size();
            if (counted == null) {
                counted = i;
            } else if (notes.get(counted).total().getAsInt() != note.total().getAsInt()) {
                throw new MergeException(counted.name() + " and " + i.name() + " saw different account lists ("
                        + notes.get(counted).total().getAsInt() + " and " + note.total().getAsInt() + " accounts): the "
                        + "organization or the accounts file changed between the shards; scan again");
            }
        }
        boolean allCounted = notes.values().stream().allMatch(n -> n.total().isPresent());
        if (allCounted && held != notes.get(first).total().getAsInt()) {
            throw new MergeException("the shards hold " + held + " accounts between them, but each saw "
                    + notes.get(first).total().getAsInt() + ": the account list changed between the shards; scan again");
        }
    }

    /** Each account in one shard only: the one its hash names, whose note lists it. */
    private static void checkAccounts(List<Input> inputs, Map<Input, Shard.Note> notes) throws MergeException {
        Map<String, Input> owner = new TreeMap<>();
        for (Input i : inputs) {
            Shard.Note note = notes.get(i);
            Set<String> accounts = new TreeSet<>(note.held());
            for (String account : note.held()) {
                if (!note.shard().holds(account)) {
                    throw new MergeException(i.name() + " lists account " + account + " in shard " + note.shard()
                            + ", but it belongs to shard " + Shard.of(account, note.shard().count()) + "/"
                            + note.shard().count());
                }
            }
            for (String account : accountsOf(i.report())) {
                if (!accounts.contains(account)) {
                    throw new MergeException(i.name() + " has results for account " + account
                            + ", which is not one of its shard's");
                }
            }
            for (String account : accounts) {
                Input other = owner.putIfAbsent(account, i);
                if (other != null) {
                    throw new MergeException("account " + account + " is in both " + other.name() + " and " + i.name()
                            + ": merge each account's results once");
                }
            }
        }
    }

    /** The accounts a report has results for: of its live findings and its gaps. */
    private static Set<String> accountsOf(Report report) {
        Set<String> accounts = new TreeSet<>();
        for (List<Finding> list : List.of(report.findings(), report.suppressed(), report.baselined())) {
            for (Finding f : list) {
                if (f.location() instanceof Location.Live live && !live.account().isEmpty()) {
                    accounts.add(live.account());
                }
            }
        }
        for (NotEvaluated gap : report.notEvaluated()) {
            Matcher m = LIVE_SCOPE.matcher(gap.scope());
            if (m.matches()) {
                accounts.add(m.group(1));
            }
        }
        return accounts;
    }

    private static Report join(List<Input> inputs) throws MergeException {
        Report first = inputs.get(0).report();
        List<Finding> findings = findings(inputs, Report::findings);
        List<Finding> suppressed = findings(inputs, Report::suppressed);
        List<Finding> baselined = findings(inputs, Report::baselined);
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        for (List<Finding> list : List.of(findings, suppressed, baselined)) {
            for (Finding f : list) {
                Finding other = byFingerprint.putIfAbsent(f.fingerprint(), f);
                if (other != null) {
                    throw new MergeException("two shards report " + f.ruleId() + " on " + f.location().display()
                            + " (fingerprint " + f.fingerprint() + "): merge each account's results once");
                }
            }
        }
        Set<Baseline.Entry> occurring = new HashSet<>(first.staleBaselineEntries());
        for (Input i : inputs) {
            occurring.retainAll(i.report().staleBaselineEntries());
        }
        List<Baseline.Entry> stale = first.staleBaselineEntries().stream().filter(occurring::contains).toList();
        List<Problem> problems = distinct(inputs, Report::problems).stream().sorted(Report.PROBLEM_ORDER).toList();
        List<NotEvaluated> gaps = distinct(inputs, Report::notEvaluated);
        List<String> files = distinct(inputs, Report::files).stream().sorted().toList();
        List<String> notes = notes(inputs);
        Optional<LocalDate> date = inputs.stream().map(i -> i.report().date()).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        List<String> scopes = distinct(inputs, Report::scopes);
        ResourceTags tags = ResourceTags.NONE;
        for (Input i : inputs) {
            tags = tags.with(i.report().tags());
        }
        return new Report(first.rules(), findings, suppressed, baselined, stale, first.baselineUsed(), problems, gaps,
                files, notes, first.threshold(), first.configuration(), date, scopes, tags, Optional.empty());
    }

    /**
     * One list of findings of every report, in the engine's order: live findings belong to one
     * account and shard each; any other came from the shared configuration and is kept once.
     */
    private static List<Finding> findings(List<Input> inputs, Function<Report, List<Finding>> list) {
        List<Finding> all = new ArrayList<>();
        Set<Finding> shared = new LinkedHashSet<>();
        for (Input i : inputs) {
            for (Finding f : list.apply(i.report())) {
                if (f.location() instanceof Location.Live) {
                    all.add(f);
                } else {
                    shared.add(f);
                }
            }
        }
        all.addAll(shared);
        all.sort(Engine.ORDER);
        return all;
    }

    /**
     * The notes in the order of one scan: each account's (in account order, as the scan reads
     * them), then the others once; the shard notes are left out.
     */
    private static List<String> notes(List<Input> inputs) {
        Map<String, List<String>> byAccount = new TreeMap<>();
        Set<String> others = new LinkedHashSet<>();
        for (Input i : inputs) {
            for (String note : i.report().notes()) {
                Matcher m = ACCOUNT_NOTE.matcher(note);
                if (m.matches()) {
                    byAccount.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(note);
                } else if (!Shard.Note.is(note)) {
                    others.add(note);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        byAccount.values().forEach(notes::addAll);
        notes.addAll(others);
        return notes;
    }

    private static <T> List<T> distinct(List<Input> inputs, Function<Report, ? extends Collection<T>> list) {
        Set<T> all = new LinkedHashSet<>();
        for (Input i : inputs) {
            all.addAll(list.apply(i.report()));
        }
        return List.copyOf(all);
    }
}
