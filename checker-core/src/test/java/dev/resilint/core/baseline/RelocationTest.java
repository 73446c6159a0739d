package dev.resilint.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints seen from another directory are those a run there computes, repeats included. */
class RelocationTest {

    @TempDir
    Path dir;

    private static Finding at(String file, String rule, String discriminator) {
        return Finding.of(rule, Severity.WARNING, "message", new Location.Template(file, 3, 5, "Resources/Db", "Db",
                "AWS::RDS::DBInstance"), discriminator);
    }

    @Test
    void aRunInTheBaselinesDirectoryGivesTheSameFingerprints() {
        Path repo = dir.resolve("repo");
        // as a run in repo/stacks reports them, and as a run in repo would (paths from there)
        List<Finding> inStacks = Engine.normalize(List.of(at("db.yaml", "AZ04", "x"), at("db.yaml", "AZ04", "x"),
                at("db.yaml", "DR01", ""), at("../other/app.yaml", "AZ04", "")));
        List<Finding> inRepo = Engine.normalize(List.of(at("stacks/db.yaml", "AZ04", "x"),
                at("stacks/db.yaml", "AZ04", "x"), at("stacks/db.yaml", "DR01", ""), at("other/app.yaml", "AZ04", "")));
        List<Finding> moved = Relocation.relativeTo(inStacks, repo.resolve("stacks"), repo);
        assertThat(moved).extracting(Finding::fingerprint)
                .containsExactlyInAnyOrderElementsOf(inRepo.stream().map(Finding::fingerprint).toList());
        assertThat(moved).extracting(f -> f.location().file())
                .containsExactlyInAnyOrder("stacks/db.yaml", "stacks/db.yaml", "stacks/db.yaml", "other/app.yaml");
        assertThat(Relocation.relativeTo(inRepo, repo, repo)).isEqualTo(inRepo);
    }

    @Test
    void liveAndCodeFindingsStayAsTheyAre() {
        Finding live = Finding.of("AZ04", Severity.ERROR, "m", new Location.Live("arn:aws:rds:eu-west-1:1:db:x", "1",
                "eu-west-1", "AWS::RDS::DBInstance"), "");
        Finding code = Finding.of("CT01", Severity.ERROR, "m", new Location.Code("a.B", "c", "a/B.java", 3), "");
        assertThat(Relocation.relativeTo(List.of(live, code), dir.resolve("a"), dir)).containsExactly(live, code);
    }

    @Test
    void aBaselineFileRecordsThatItsPathsAreRelativeToIt() throws Exception {
        Path repo = dir.resolve("repo");
        Baseline made = Baseline.of(List.of(at("stacks/db.yaml", "AZ04", "")), repo, repo.resolve("ci"));
        assertThat(made.entries()).singleElement()
                .satisfies(e -> assertThat(e.location()).isEqualTo("../stacks/db.yaml#Resources/Db"));
        Files.createDirectories(repo.resolve("ci"));
        Files.writeString(repo.resolve("ci/b.json"), made.toJson());
        Baseline read = Baseline.read(repo.resolve("ci/b.json"), "ci/b.json");
        assertThat(read.directory()).contains(repo.resolve("ci").toAbsolutePath().normalize());
        Baseline.Outcome fromStacks = read.apply(List.of(at("db.yaml", "AZ04", "")), repo.resolve("stacks"));
        assertThat(fromStacks.baselined()).extracting(f -> f.location().file()).containsExactly("db.yaml");
        assertThat(fromStacks.stale()).isEmpty();
        assertThat(read.apply(List.of(at("db.yaml", "AZ04", "")), repo).remaining()).hasSize(1); // another file
    }
}
