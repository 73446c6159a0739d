package dev.resilint.infra.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Snapshot files in the manner of cfn-lint's snapshot tests: the expected output of a run is
 * committed as text, and a test compares the run with it. On a mismatch the failure shows a
 * unified diff (snapshot {@code -}, this run {@code +}). With {@code -Dresilint.updateSnapshots=true}
 * (see {@code src/test/resources/snapshots/update.sh}) the snapshots are rewritten instead.
 *
 * <p>Snapshots are read from and written to the source tree ({@code src/test/resources/snapshots}
 * of the module the tests run in), not the copy on the class path, so that an update lands where
 * it is committed.
 */
final class Snapshots {

    /** The system property that makes snapshot tests rewrite their snapshots instead of comparing. */
    static final String UPDATE_PROPERTY = "resilint.updateSnapshots";

    /** Where the snapshots live, relative to the module directory (the tests' working directory). */
    static final Path ROOT = Path.of("src", "test", "resources", "snapshots");

    private static final int CONTEXT = 3;

    private static final ObjectWriter JSON;

    static {
        // the layout of resilint's JSON report: two-space indent, "key": value, \n line ends
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        JSON = new ObjectMapper().writer(new DefaultPrettyPrinter(separators).withObjectIndenter(indenter)
                .withArrayIndenter(indenter));
    }

    private Snapshots() {
    }

    /** True when this run rewrites snapshots ({@code -Dresilint.updateSnapshots=true}). */
    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /**
     * Pretty JSON of {@code value} (maps, lists, strings, numbers) with a final newline; maps keep
     * their iteration order, so callers pass sorted or insertion-ordered maps.
     */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares {@code actual} with the snapshot file, or rewrites it when {@link #updating()}. */
    static void assertMatches(Path snapshot, String actual) {
        assertMatches(snapshot, actual, updating());
    }

    /**
     * Compares {@code actual} with the snapshot file, or, when {@code update} is set, writes it
     * there (only if it changed). Fails with a diff on a mismatch and with a hint on a missing file.
     */
    static void assertMatches(Path snapshot, String actual, boolean update) {
        try {
            String expected = Files.exists(snapshot) ? Files.readString(snapshot).replace("\r\n", "\n") : null;
            if (update) {
                if (!actual.equals(expected)) {
                    Files.createDirectories(snapshot.toAbsolutePath().getParent());
                    Files.writeString(snapshot, actual);
                    System.out.println("updated snapshot " + snapshot);
                }
                return;
            }
            if (expected == null) {
                throw new AssertionError("no snapshot " + snapshot + "; create it with " + howToUpdate()
                        + ", check it and commit it. This run gives:\n" + actual);
            }
            if (!expected.equals(actual)) {
                throw new AssertionFailedError("snapshot " + snapshot + " differs from this run (- snapshot, + this "
                        + "run); if the change is intended, update it with " + howToUpdate() + "\n"
                        + diff(expected, actual), expected, actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a snapshot whose subject is gone (update mode), or fails naming it. */
    static void assertNoOrphan(Path snapshot, String why) {
        if (updating()) {
            try {
                Files.deleteIfExists(snapshot);
                System.out.println("deleted snapshot " + snapshot + ": " + why);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        throw new AssertionError("orphaned snapshot " + snapshot + ": " + why + "; delete it, or run " + howToUpdate());
    }

    private static String howToUpdate() {
        return "-D" + UPDATE_PROPERTY + "=true (rules-infra/src/test/resources/snapshots/update.sh)";
    }

    /**
     * A unified diff of two texts by lines, {@value #CONTEXT} lines of context, {@code -} for
     * lines only in {@code expected} and {@code +} for lines only in {@code actual}; the empty
     * string when they are equal.
     */
    static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change
            // that is at most 2 * CONTEXT unchanged lines away from the previous one
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int unchanged = 0;
            for (int k = i; k < edits.size(); k++) {
                if (edits.get(k).op() == ' ') {
                    if (++unchanged > 2 * CONTEXT) {
                        break;
                    }
                } else {
                    unchanged = 0;
                    end = k;
                }
            }
            int stop = Math.min(edits.size(), end + 1 + CONTEXT);
            appendHunk(out, edits.subList(start, stop), a, b);
            i = stop;
        }
        if (out.length() == 0 && !expected.equals(actual)) {
            out.append("(the texts differ only in line ends or the final newline)\n");
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk, List<String> a, List<String> b) {
        int fromA = -1;
        int fromB = -1;
        int countA = 0;
        int countB = 0;
        for (Edit e : hunk) {
            if (e.op() != '+') {
                fromA = fromA < 0 ? e.a() : fromA;
                countA++;
            }
            if (e.op() != '-') {
                fromB = fromB < 0 ? e.b() : fromB;
                countB++;
            }
        }
        // the position before which an empty side would be inserted, as diff -u writes it
        int lineA = fromA < 0 ? hunk.get(0).a() : fromA + 1;
        int lineB = fromB < 0 ? hunk.get(0).b() : fromB + 1;
        out.append("@@ -").append(lineA).append(',').append(countA).append(" +").append(lineB).append(',')
                .append(countB).append(" @@\n");
        for (Edit e : hunk) {
            out.append(e.op()).append(e.op() == '+' ? b.get(e.b()) : a.get(e.a())).append('\n');
        }
    }

    /**
     * One line of the edit script: {@code ' '} kept, {@code '-'} removed, {@code '+'} added; {@code a}
     * and {@code b} are the positions in the two texts at that point.
     */
    private record Edit(char op, int a, int b) {
    }

    /** A shortest edit script from a longest common subsequence of lines. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', i++, j++));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit('-', i++, j));
            } else {
                edits.add(new Edit('+', i, j++));
            }
        }
        return edits;
    }
}
