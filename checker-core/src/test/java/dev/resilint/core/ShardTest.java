package dev.resilint.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void parsesKOfN() {
        assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
        assertThat(Shard.parse(" 1/1 ")).isEqualTo(new Shard(1, 1));
        assertThat(Shard.parse("3/3").display()).isEqualTo("3/3");
        for (String bad : List.of("0/3", "4/3", "3", "1/0", "-1/3", "a/b", "1/3/4", "", "1 /3", "99999999999/3")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("give K/N with 1 <= K <= N, like 2/3");
        }
        assertThatThrownBy(() -> Shard.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The hash is pinned: SHA-256 of the id, first 8 bytes unsigned, mod N, plus one (computed
     * independently with {@code printf %s ID | sha256sum}). Changing it would move accounts between
     * the shards of a running schedule.
     */
    @Test
    void theHashIsTheFirstEightBytesOfSha256ModN() {
        // 111122223333 -> aeb221660ff09134, 444455556666 -> 8aeee14dfb6ff0cf (top bit set: unsigned matters)
        assertThat(Shard.of("111122223333", 7)).isEqualTo(5);
        assertThat(Shard.of("111122223333", 100)).isEqualTo(85);
        assertThat(Shard.of("444455556666", 3)).isEqualTo(3);
        assertThat(Shard.of("444455556666", 100)).isEqualTo(48);
        assertThat(Shard.of("777788889999", 3)).isEqualTo(2);
        assertThat(Shard.of("123456789012", 4)).isEqualTo(3);
        assertThat(Shard.of("000000000000", 100)).isEqualTo(20);
        assertThat(Shard.of("123456789012", 1)).isEqualTo(1);
    }

    @Test
    void everyAccountIsInExactlyOneShardAndTheShardsAreEven() {
        int n = 4;
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            String id = String.format("%012d", 100_000_000_000L + i * 7919L);
            int held = 0;
            for (int k = 1; k <= n; k++) {
                if (new Shard(k, n).holds(id)) {
                    held++;
                    sizes.merge(k, 1, Integer::sum);
                }
            }
            assertThat(held).as(id).isEqualTo(1);
        }
        assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isBetween(900, 1100));
    }

    @Test
    void notesSayWhatTheShardHeldAndReadBack() {
        Shard shard = new Shard(2, 3);
        String note = shard.note(List.of("111111111111", "444444444444"), 5);
        assertThat(note).isEqualTo("shard 2/3: 2 of 5 accounts: 111111111111, 444444444444");
        assertThat(Shard.Note.parse(note)).contains(new Shard.Note(shard, OptionalInt.of(5),
                List.of("111111111111", "444444444444")));

        String empty = new Shard(3, 3).note(List.of(), 1);
        assertThat(empty).isEqualTo("shard 3/3: 0 of 1 account: this shard scans nothing");
        assertThat(Shard.Note.parse(empty).orElseThrow().held()).isEmpty();

        String unresolved = shard.unresolvedNote();
        assertThat(unresolved).isEqualTo("shard 2/3: no account list (the scan could not start)");
        assertThat(Shard.Note.parse(unresolved).orElseThrow().total()).isEmpty();

        for (String other : List.of("scanned 111122223333/eu-west-1: 2 resource(s)", "shard 4/3: 0 of 1 account: "
                + "this shard scans nothing", "shard 1/2: 2 of 5 accounts: 111111111111",
                "shard 1/2: 1 of 5 accounts: 1111", "shard 1/2: 1 of 5 account: 111111111111")) {
            assertThat(Shard.Note.is(other)).as(other).isFalse();
        }
    }
}
