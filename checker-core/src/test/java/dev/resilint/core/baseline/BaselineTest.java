package dev.resilint.core.baseline;

import static dev.resilint.core.testing.Fixtures.at;
import static dev.resilint.core.testing.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.resilint.core.Finding;
import dev.resilint.core.Fingerprints;
import dev.resilint.core.Location;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    static final Finding DB = finding("AZ04", at("stacks/db.yaml", 12, "Resources/Db"));
    static final Finding WEB = finding("AZ01", at("stacks/app.yaml", 30, "Resources/Web"));
    static final Finding QUEUE = finding("DR02", at("stacks/app.yaml", 5, "Resources/Queue"));
    static final Finding LIVE = finding("AZ04", new Location.Live("arn:aws:rds:eu-west-1:123456789012:db:orders",
            "123456789012", "eu-west-1", "AWS::RDS::DBInstance"));
    static final Finding CODE = finding("CB01", new Location.Code("com.acme.Client", "call", "Client.java", 7));

    @Test
    void jsonIsSortedAndStable() {
        Baseline baseline = Baseline.of(List.of(DB, WEB, QUEUE));
        String expected = """
                {
                  "resilintBaseline" : 1,
                  "fingerprintVersion" : "v1",
                  "entries" : [ {
                    "fingerprint" : "%s",
                    "ruleId" : "DR02",
                    "location" : "stacks/app.yaml#Resources/Queue"
                  }, {
                    "fingerprint" : "%s",
                    "ruleId" : "AZ01",
                    "location" : "stacks/app.yaml#Resources/Web"
                  }, {
                    "fingerprint" : "%s",
                    "ruleId" : "AZ04",
                    "location" : "stacks/db.yaml#Resources/Db"
                  } ]
                }
                """.formatted(QUEUE.fingerprint(), WEB.fingerprint(), DB.fingerprint());
        assertThat(baseline.toJson()).isEqualTo(expected);
    }

    @Test
    void jsonIsByteIdenticalWhateverTheInsertionOrder() {
        List<Finding> findings = new ArrayList<>(List.of(DB, WEB, QUEUE, LIVE, CODE));
        String first = Baseline.of(findings).toJson();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(findings, random);
            assertThat(Baseline.of(findings).toJson()).isEqualTo(first);
        }
        assertThat(first).doesNotContain("\r");
    }

    @Test
    void entriesDescribeTheLocationOfEachKind() {
        Baseline baseline = Baseline.of(List.of(LIVE, CODE, DB));
        assertThat(baseline.entries()).extracting(Baseline.Entry::location).containsExactly(
                "arn:aws:rds:eu-west-1:123456789012:db:orders", "com.acme.Client#call", "stacks/db.yaml#Resources/Db");
        assertThat(baseline.entries()).extracting(Baseline.Entry::fingerprint)
                .containsExactly(LIVE.fingerprint(), CODE.fingerprint(), DB.fingerprint());
    }

    @Test
    void suppressedFindingsAndRepeatsAreLeftOut() {
        Suppression s = new Suppression("AZ01", "accepted for now, see ticket", Optional.empty(),
                new SuppressionScope.File("stacks/app.yaml"), at(".resilint.yaml", 1, "suppressions/0"),
                Suppression.Format.CONFIG);
        Baseline baseline = Baseline.of(List.of(DB, WEB.withSuppression(s), DB));
        assertThat(baseline.entries()).singleElement()
                .isEqualTo(new Baseline.Entry(DB.fingerprint(), "AZ04", "stacks/db.yaml#Resources/Db"));
    }

    @Test
    void writeAndReadRoundTrip() throws Exception {
        Baseline baseline = Baseline.of(List.of(DB, WEB, LIVE, CODE));
        Path file = dir.resolve("nested/dir/baseline.json");
        baseline.write(file);
        Baseline read = Baseline.read(file, "baseline.json");
        assertThat(read).isEqualTo(baseline);
        String bytes = Files.readString(file);
        read.write(file);
        assertThat(Files.readString(file)).isEqualTo(bytes).isEqualTo(baseline.toJson());
    }

    @Test
    void applyHidesKnownFindingsAndListsStaleEntries() {
        Baseline baseline = Baseline.of(List.of(DB, WEB));
        Baseline.Outcome outcome = baseline.apply(List.of(DB, QUEUE));
        assertThat(outcome.baselined()).containsExactly(DB);
        assertThat(outcome.remaining()).containsExactly(QUEUE);
        assertThat(outcome.stale()).singleElement().extracting(Baseline.Entry::fingerprint).isEqualTo(WEB.fingerprint());
    }

    @Test
    void aFindingThatMovedToAnotherLineStaysBaselined() {
        Baseline baseline = Baseline.of(List.of(DB));
        Finding moved = finding("AZ04", at("stacks/db.yaml", 250, "Resources/Db"));
        assertThat(moved.location().line()).isNotEqualTo(DB.location().line());
        Baseline.Outcome outcome = baseline.apply(List.of(moved));
        assertThat(outcome.baselined()).containsExactly(moved);
        assertThat(outcome.remaining()).isEmpty();
        assertThat(outcome.stale()).isEmpty();
    }

    @Test
    void aFindingInAnotherFileOrOfAnotherRuleIsNew() {
        Baseline baseline = Baseline.of(List.of(DB));
        Finding copied = finding("AZ04", at("stacks/db-copy.yaml", 12, "Resources/Db"));
        Finding otherRule = finding("AZ05", at("stacks/db.yaml", 12, "Resources/Db"));
        Baseline.Outcome outcome = baseline.apply(List.of(copied, otherRule));
        assertThat(outcome.remaining()).containsExactly(copied, otherRule);
        assertThat(outcome.baselined()).isEmpty();
        assertThat(outcome.stale()).hasSize(1);
    }

    @Test
    void updateRemovesFixedEntriesAndNeverAddsNewOnes() {
        Baseline baseline = Baseline.of(List.of(DB, WEB, QUEUE));
        Baseline updated = baseline.withoutFixed(List.of(DB, QUEUE, LIVE));
        assertThat(updated.entries()).extracting(Baseline.Entry::fingerprint)
                .containsExactlyInAnyOrder(DB.fingerprint(), QUEUE.fingerprint());
        assertThat(baseline.withoutFixed(List.of())).isEqualTo(new Baseline(List.of()));
        assertThat(baseline.withoutFixed(List.of(DB, WEB, QUEUE))).isEqualTo(baseline);
        assertThat(baseline.entries()).as("the original is unchanged").hasSize(3);
    }

    @Test
    void anEmptyBaselineHasNoEntries() throws Exception {
        Baseline empty = Baseline.of(List.of());
        assertThat(empty.toJson()).isEqualTo("""
                {
                  "resilintBaseline" : 1,
                  "fingerprintVersion" : "%s",
                  "entries" : [ ]
                }
                """.formatted(Fingerprints.VERSION));
        Path file = dir.resolve("b.json");
        empty.write(file);
        assertThat(Baseline.read(file, "b.json").entries()).isEmpty();
        assertThat(empty.apply(List.of(DB)).remaining()).containsExactly(DB);
    }

    private BaselineException readError(String content) throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        BaselineException e = catchThrowableOfType(BaselineException.class, () -> Baseline.read(file, "ci/baseline.json"));
        assertThat(e).as("expected a BaselineException for %s", content).isNotNull();
        return e;
    }

    @Test
    void readingAMissingFile() {
        BaselineException e = catchThrowableOfType(BaselineException.class,
                () -> Baseline.read(dir.resolve("missing.json"), "missing.json"));
        assertThat(e).hasMessage("missing.json: no such baseline file");
    }

    @Test
    void readingInvalidJson() throws Exception {
        assertThat(readError("{\n  \"resilintBaseline\": 1,\n  \"entries\": [ \n}\n").getMessage())
                .startsWith("ci/baseline.json:4: not a valid baseline: ");
    }

    @Test
    void readingAnEmptyFile() throws Exception {
        assertThat(readError("").getMessage()).startsWith("ci/baseline.json: not a resilint baseline");
    }

    @Test
    void readingTheWrongFormatMarker() throws Exception {
        String expected = "ci/baseline.json: not a resilint baseline (expected \"resilintBaseline\": 1)";
        assertThat(readError("{\"entries\": []}")).hasMessage(expected);
        assertThat(readError("{\"resilintBaseline\": 2, \"entries\": []}")).hasMessage(expected);
        assertThat(readError("[1, 2]")).hasMessage(expected);
        assertThat(readError("{\"version\": \"2.1.0\", \"runs\": []}")).hasMessage(expected);
    }

    @Test
    void readingAnotherFingerprintVersion() throws Exception {
        assertThat(readError("{\"resilintBaseline\": 1, \"fingerprintVersion\": \"v0\", \"entries\": []}"))
                .hasMessage("ci/baseline.json: fingerprints of version v0 cannot be matched by this resilint (v1); "
                        + "recreate the baseline");
    }

    @Test
    void readingBadEntries() throws Exception {
        assertThat(readError("{\"resilintBaseline\": 1, \"entries\": {}}"))
                .hasMessage("ci/baseline.json: \"entries\" must be a list");
        assertThat(readError("{\"resilintBaseline\": 1, \"entries\": [{\"ruleId\": \"AZ01\"}]}"))
                .hasMessage("ci/baseline.json: an entry has no \"fingerprint\"");
    }

    @Test
    void invalidSuppressionsAreNeverBaselined() {
        Finding rl01 = finding("RL01", at("stacks/db.yaml", 8, "Resources/Db/Metadata/resilint/suppress/0"));
        Baseline baseline = Baseline.of(List.of(DB, rl01));
        assertThat(baseline.entries()).extracting(Baseline.Entry::ruleId).containsExactly("AZ04");

        // an older baseline that holds an RL01 entry does not hide it either, and lists the entry as stale
        Baseline old = new Baseline(List.of(new Baseline.Entry(rl01.fingerprint(), "RL01", "stacks/db.yaml#x"),
                new Baseline.Entry(DB.fingerprint(), "AZ04", "stacks/db.yaml#Resources/Db")));
        Baseline.Outcome outcome = old.apply(List.of(DB, rl01));
        assertThat(outcome.baselined()).containsExactly(DB);
        assertThat(outcome.remaining()).containsExactly(rl01);
        assertThat(outcome.stale()).extracting(Baseline.Entry::ruleId).containsExactly("RL01");
    }
}
