package dev.resilint.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} of a scan ({@code resilint scan --shard K/N}): the accounts
 * whose stable hash puts them there. N workers of a scheduler (a CI job matrix, an AWS Batch array
 * job, a Kubernetes indexed Job) each scan one shard, sharing nothing, and {@code resilint merge}
 * joins their JSON reports into the report of one scan over all accounts.
 *
 * <p>The hash is the first 8 bytes of the SHA-256 of the account id (its 12 digits as UTF-8), read
 * as an unsigned big-endian number, modulo {@code count}, plus one: the same account lands in the
 * same shard for the same {@code count} on every machine, JVM and resilint version that keeps this
 * definition (a test pins it).
 *
 * <p>A shard's report says which shard it is and which accounts it held in a {@link Note}: the one
 * note that text and Markdown reports show without {@code --verbose}, and what {@code merge} checks
 * the shards against (all of 1..N present once, the same account list, no account twice). The
 * merged report leaves the shard notes out, as a scan without {@code --shard} has none.
 *
 * @param index which shard, 1-based
 * @param count how many shards the scan is split into
 */
public record Shard(int index, int count) {

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /**
     * Parses {@code K/N}.
     *
     * @throws IllegalArgumentException when {@code text} is not {@code K/N} with {@code 1 <= K <= N}
     */
    public static Shard parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (m.matches()) {
            int k = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n >= 1 && k >= 1 && k <= n) {
                return new Shard(k, n);
            }
        }
        throw new IllegalArgumentException("give K/N with 1 <= K <= N, like 2/3");
    }

    /** The shard, 1 to {@code count}, that {@code key} (an account id) belongs to. */
    public static int of(String key, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) { // every Java platform has SHA-256
            throw new IllegalStateException(e);
        }
        long first = 0;
        for (int i = 0; i < 8; i++) {
            first = (first << 8) | (digest[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(first, count) + 1;
    }

    /** Whether {@code key} (an account id) belongs to this shard. */
    public boolean holds(String key) {
        return of(key, count) == index;
    }

    /** {@code 2/3}. */
    public String display() {
        return index + "/" + count;
    }

    @Override
    public String toString() {
        return display();
    }

    /** The note of a shard that held {@code held} (sorted) of the {@code total} accounts of the scan. */
    public String note(List<String> held, int total) {
        return new Note(this, OptionalInt.of(total), held).text();
    }

    /** The note of a shard whose account list could not be resolved (the scan could not start). */
    public String unresolvedNote() {
        return new Note(this, OptionalInt.empty(), List.of()).text();
    }

    /**
     * What a shard's report says about its part of the scan.
     *
     * @param shard which shard
     * @param total how many accounts the whole scan has (the account list before sharding); empty
     *     when the list could not be resolved
     * @param held the accounts of this shard, sorted (reachable or not)
     */
    public record Note(Shard shard, OptionalInt total, List<String> held) {

        private static final String PREFIX = "shard ";
        private static final String NOTHING = "this shard scans nothing";
        private static final String UNRESOLVED = "no account list (the scan could not start)";
        private static final Pattern TEXT = Pattern.compile("shard (\\d{1,9})/(\\d{1,9}): (?:(\\d+) of (\\d+) "
                + "accounts?: (.+)|" + Pattern.quote(UNRESOLVED) + ")");
        private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

        public Note {
            held = List.copyOf(held);
        }

        /**
         * {@code shard 2/3: 2 of 5 accounts: 111111111111, 444444444444}, {@code shard 3/3: 0 of 5
         * accounts: this shard scans nothing}, or {@code shard 2/3: no account list (the scan could not
         * start)}.
         */
        public String text() {
            if (total.isEmpty()) {
                return PREFIX + shard.display() + ": " + UNRESOLVED;
            }
            int t = total.getAsInt();
            return PREFIX + shard.display() + ": " + held.size() + " of " + t + (t == 1 ? " account" : " accounts")
                    + ": " + (held.isEmpty() ? NOTHING : String.join(", ", held));
        }

        /** The note {@code text} states, when it is a shard note. */
        public static Optional<Note> parse(String text) {
            if (!text.startsWith(PREFIX)) {
                return Optional.empty();
            }
            Matcher m = TEXT.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            int k = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n < 1 || k < 1 || k > n) {
                return Optional.empty();
            }
            Shard shard = new Shard(k, n);
            if (m.group(3) == null) {
                return Optional.of(new Note(shard, OptionalInt.empty(), List.of()));
            }
            int count = Integer.parseInt(m.group(3));
            int total = Integer.parseInt(m.group(4));
            List<String> held = new ArrayList<>();
            if (!m.group(5).equals(NOTHING)) {
                for (String id : m.group(5).split(", ", -1)) {
                    if (!ACCOUNT.matcher(id).matches()) {
                        return Optional.empty();
                    }
                    held.add(id);
                }
            }
            if (held.size() != count || count > total) {
                return Optional.empty();
            }
            Note note = new Note(shard, OptionalInt.of(total), held);
            return note.text().equals(text) ? Optional.of(note) : Optional.empty();
        }

        /** Whether {@code text} is a shard note. */
        public static boolean is(String text) {
            return parse(text).isPresent();
        }
    }
}
