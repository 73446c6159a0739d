package dev.resilint.infra.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotsTest {

    @TempDir
    Path dir;

    @Test
    void passesWhenTheTextIsTheSnapshot() throws Exception {
        Path snapshot = dir.resolve("s.json");
        Files.writeString(snapshot, "[\r\n]\r\n"); // line ends as a Windows checkout may have them
        Snapshots.assertMatches(snapshot, "[\n]\n", false);
    }

    @Test
    void failsWithADiffOnAMismatch() throws Exception {
        Path snapshot = dir.resolve("s.json");
        Files.writeString(snapshot, "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
        assertThatThrownBy(() -> Snapshots.assertMatches(snapshot, "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n", false))
                .hasMessageContaining("s.json differs from this run (- snapshot, + this run)")
                .hasMessageContaining("-Dresilint.updateSnapshots=true")
                .hasMessageEndingWith("""
                        @@ -2,9 +2,10 @@
                         b
                         c
                         d
                        -e
                        +E
                         f
                         g
                         h
                         i
                         j
                        +k
                        """);
    }

    @Test
    void failsWhenTheSnapshotIsMissingAndShowsTheRun() {
        assertThatThrownBy(() -> Snapshots.assertMatches(dir.resolve("none.json"), "[]\n", false))
                .hasMessageContaining("no snapshot").hasMessageContaining("none.json").hasMessageEndingWith("[]\n");
    }

    @Test
    void updateWritesTheSnapshot() throws Exception {
        Path snapshot = dir.resolve("sub").resolve("s.json");
        Snapshots.assertMatches(snapshot, "new\n", true);
        assertThat(Files.readString(snapshot)).isEqualTo("new\n");
        Snapshots.assertMatches(snapshot, "newer\n", true);
        assertThat(Files.readString(snapshot)).isEqualTo("newer\n");
        Snapshots.assertMatches(snapshot, "newer\n", false);
    }

    @Test
    void diffKeepsDistantChangesInSeparateHunks() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
        String after = "1\ntwo\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n15\n";
        assertThat(Snapshots.diff(before, after)).isEqualTo("""
                @@ -1,5 +1,5 @@
                 1
                -2
                +two
                 3
                 4
                 5
                @@ -11,5 +11,4 @@
                 11
                 12
                 13
                -14
                 15
                """);
        assertThat(Snapshots.diff(before, before)).isEmpty();
        assertThat(Snapshots.diff("", "x\n")).isEqualTo("@@ -0,0 +1,1 @@\n+x\n");
    }

    @Test
    void jsonHasTheReportsLayout() {
        assertThat(Snapshots.json(List.of(Map.of("ruleId", "AZ01")))).isEqualTo("""
                [
                  {
                    "ruleId": "AZ01"
                  }
                ]
                """);
        assertThat(Snapshots.json(List.of())).isEqualTo("[]\n");
    }
}
