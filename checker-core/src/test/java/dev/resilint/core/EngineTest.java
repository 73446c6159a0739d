package dev.resilint.core;

import static dev.resilint.core.testing.Fixtures.at;
import static dev.resilint.core.testing.Fixtures.finding;
import static dev.resilint.core.testing.Fixtures.meta;
import static dev.resilint.core.testing.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.config.Config;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EngineTest {

    static final RuleMetadata AZ01 = meta("AZ01", "AzSpread");
    static final RuleMetadata AZ02 = meta("AZ02", "SubnetSpread");
    static final RuleMetadata DR01 = meta("DR01", "BackupRetention",
            RuleParameter.integer("minimumRetentionDays", 7, "Days."),
            RuleParameter.bool("strictMode", false, "Strict."),
            RuleParameter.string("vaultName", "default", "Vault."),
            RuleParameter.stringList("exemptEngines", List.of("aurora"), "Engines."));

    /** The target every test rule looks at: the name of a template file. */
    private static final String FILE = "stack.yaml";

    private static Config config(List<String> ignore, Map<String, Severity> severity,
            Map<String, Map<String, Object>> params, List<String> requiredTags) {
        return new Config(Optional.empty(), List.of(), ignore, severity, params, requiredTags, Optional.empty(),
                List.of(), 1024);
    }

    private static Rule<String> reporting(RuleMetadata meta, String logicalPath) {
        return rule(meta, (String file, RuleContext ctx) -> ctx.report(at(file, 4, logicalPath), meta.id() + " says no"));
    }

    @Test
    void aThrowingRuleBecomesAnInternalErrorAndTheOthersStillReport() {
        Rule<String> boom = rule(AZ01, (String file, RuleContext ctx) -> {
            throw new IllegalStateException("boom");
        });
        Results out = new Results();
        new Engine(Config.defaults()).run(List.of(boom, reporting(AZ02, "Resources/Web")), FILE, FILE, out);

        assertThat(out.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ02");
            assertThat(f.message()).isEqualTo("AZ02 says no");
        });
        assertThat(out.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.INTERNAL_ERROR);
            assertThat(p.ruleId()).isEqualTo("AZ01");
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.message()).startsWith("java.lang.IllegalStateException: boom (at ");
            assertThat(p.display()).startsWith("stack.yaml: rule AZ01: java.lang.IllegalStateException: boom");
        });
    }

    @Test
    void errorsThatRulesCommonlyCauseAreContainedToo() {
        Rule<String> overflow = rule(meta("AZ03", "Overflow"), (String f, RuleContext c) -> {
            throw new StackOverflowError();
        });
        Rule<String> assertion = rule(meta("AZ05", "Assertion"), (String f, RuleContext c) -> {
            throw new AssertionError("unreachable");
        });
        Rule<String> checked = rule(meta("AZ06", "Checked"), (String f, RuleContext c) -> {
            throw new java.io.IOException("disk");
        });
        Rule<String> linkage = rule(meta("AZ07", "Linkage"), (String f, RuleContext c) -> {
            throw new NoClassDefFoundError("org/example/Missing");
        });
        Results out = new Results();
        new Engine(Config.defaults()).run(List.of(overflow, assertion, checked, linkage, reporting(AZ01, "Resources/Db")),
                FILE, FILE, out);
        assertThat(out.problems()).extracting(Problem::ruleId).containsExactly("AZ03", "AZ05", "AZ06", "AZ07");
        assertThat(out.problems()).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("java.lang.StackOverflowError"),
                m -> assertThat(m).startsWith("java.lang.AssertionError: unreachable"),
                m -> assertThat(m).startsWith("java.io.IOException: disk"),
                m -> assertThat(m).startsWith("java.lang.NoClassDefFoundError: org/example/Missing"));
        assertThat(out.findings()).extracting(Finding::ruleId).containsExactly("AZ01");
    }

    @Test
    void disabledRulesDoNotRun() {
        AtomicBoolean ran = new AtomicBoolean();
        Rule<String> ignored = rule(AZ02, (String f, RuleContext c) -> ran.set(true));
        Engine engine = new Engine(config(List.of("AZ02"), Map.of(), Map.of(), List.of()));
        Results out = new Results();
        engine.run(List.of(reporting(AZ01, "Resources/Db"), ignored), FILE, FILE, out);
        assertThat(ran).isFalse();
        assertThat(out.findings()).extracting(Finding::ruleId).containsExactly("AZ01");
        assertThat(engine.enabled(List.of(reporting(AZ01, "x"), ignored))).extracting(Rule::id).containsExactly("AZ01");
    }

    @Test
    void severityOverrideApplies() {
        Engine engine = new Engine(config(List.of(), Map.of("AZ01", Severity.ERROR), Map.of(), List.of()));
        Results out = new Results();
        engine.run(List.of(reporting(AZ01, "Resources/Db"), reporting(AZ02, "Resources/Web")), FILE, FILE, out);
        assertThat(out.findings()).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AZ01", Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("AZ02", Severity.WARNING));
        assertThat(engine.severityOf(AZ01)).isEqualTo(Severity.ERROR);
        assertThat(engine.severityOf(meta("AZ09", "Noted", Severity.NOTE))).isEqualTo(Severity.NOTE);
    }

    /** Records the parameter values a rule sees. */
    private static List<Object> parametersSeenBy(Config config) {
        List<Object> seen = new ArrayList<>();
        Rule<String> r = rule(DR01, (String f, RuleContext c) -> {
            seen.add(c.intParameter("minimumRetentionDays"));
            seen.add(c.booleanParameter("strictMode"));
            seen.add(c.stringParameter("vaultName"));
            seen.add(c.listParameter("exemptEngines"));
            seen.add(c.requiredTags());
        });
        Results out = new Results();
        new Engine(config).run(List.of(r), FILE, FILE, out);
        assertThat(out.problems()).isEmpty();
        return seen;
    }

    @Test
    void parametersHaveTheirDefaults() {
        assertThat(parametersSeenBy(Config.defaults())).containsExactly(7, false, "default", List.of("aurora"), List.of());
    }

    @Test
    void configuredParametersOverrideTheirDefaultsOneByOne() {
        Config config = config(List.of(), Map.of(),
                Map.of("DR01", Map.of("minimumRetentionDays", 30, "exemptEngines", List.of())),
                List.of("owner", "team"));
        assertThat(parametersSeenBy(config))
                .containsExactly(30, false, "default", List.of(), List.of("owner", "team"));
    }

    @Test
    void parametersOfOtherRulesDoNotLeak() {
        RuleMetadata dr02 = meta("DR02", "OtherRetention", RuleParameter.integer("minimumRetentionDays", 3, "Days."));
        AtomicReference<Integer> seen = new AtomicReference<>();
        Rule<String> r = rule(dr02, (String f, RuleContext c) -> seen.set(c.intParameter("minimumRetentionDays")));
        new Engine(config(List.of(), Map.of(), Map.of("DR01", Map.of("minimumRetentionDays", 30)), List.of()))
                .run(List.of(r), FILE, FILE, new Results());
        assertThat(seen.get()).isEqualTo(3);
    }

    @Test
    void askingForAnUndeclaredParameterIsAnInternalErrorOfThatRule() {
        Rule<String> r = rule(AZ01, (String f, RuleContext c) -> c.intParameter("nope"));
        Results out = new Results();
        new Engine(Config.defaults()).run(List.of(r), FILE, FILE, out);
        assertThat(out.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("AZ01");
            assertThat(p.message()).contains("AZ01 has no parameter nope");
        });
    }

    @Test
    void findingsCarryFingerprintsFromRuleLocationAndDiscriminator() {
        Rule<String> r = rule(AZ01, (String f, RuleContext c) -> {
            c.report(at(f, 3, "Resources/Sfn/Properties/Definition"), "state A", "A");
            c.report(at(f, 9, "Resources/Sfn/Properties/Definition"), "state B", "B");
        });
        Results out = new Results();
        new Engine(Config.defaults()).run(List.of(r), FILE, FILE, out);
        assertThat(out.findings()).extracting(Finding::fingerprint).containsExactly(
                Fingerprints.of("AZ01", at(FILE, 1, "Resources/Sfn/Properties/Definition"), "A"),
                Fingerprints.of("AZ01", at(FILE, 1, "Resources/Sfn/Properties/Definition"), "B"));
        assertThat(out.findings()).allSatisfy(f -> assertThat(f.isSuppressed()).isFalse());
    }

    @Test
    void normalizeOrdersByFileLineColumnSubjectRuleAndMessage() {
        Finding b10 = finding("AZ01", at("b.yaml", 10, "Resources/X"));
        Finding a20 = finding("AZ01", at("a.yaml", 20, "Resources/Y"));
        Finding a3col9 = finding("AZ01", at("a.yaml", 3, 9, "Resources/Z/Properties/P"));
        Finding a3col2 = finding("AZ02", at("a.yaml", 3, 2, "Resources/Z"));
        Finding a3col2Rule1 = finding("AZ01", at("a.yaml", 3, 2, "Resources/Z"));
        Finding live = finding("AZ01", new Location.Live("arn:aws:rds:eu-west-1:123456789012:db:x", "123456789012",
                "eu-west-1", "AWS::RDS::DBInstance"));
        List<Finding> input = List.of(b10, a20, a3col9, a3col2, a3col2Rule1, live);
        assertThat(Engine.normalize(input)).containsExactly(live, a3col2Rule1, a3col2, a3col9, a20, b10);
    }

    @Test
    void normalizeIsDeterministicRegardlessOfReportOrder() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String file = "s" + (i % 3) + ".yaml";
            findings.add(Finding.of(i % 2 == 0 ? "AZ01" : "AZ02", Severity.WARNING, "m" + (i % 4),
                    at(file, i % 5, "Resources/R" + (i % 7)), ""));
        }
        List<Finding> expected = Engine.normalize(findings);
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<Finding> shuffled = new ArrayList<>(findings);
            Collections.shuffle(shuffled, random);
            assertThat(Engine.normalize(shuffled)).isEqualTo(expected);
        }
        assertThat(expected).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void duplicateFingerprintsAreMadeUnique() {
        Location db = at(FILE, 5, "Resources/Db");
        Finding first = Finding.of("AZ01", Severity.WARNING, "same", db, "");
        List<Finding> normalized = Engine.normalize(List.of(first, first, first));
        assertThat(normalized).extracting(Finding::fingerprint).doesNotHaveDuplicates().hasSize(3);
        assertThat(normalized.get(0).fingerprint()).isIn(first.fingerprint(),
                Fingerprints.repeated(first.fingerprint(), 2), Fingerprints.repeated(first.fingerprint(), 3));
        assertThat(normalized).extracting(Finding::fingerprint).containsExactlyInAnyOrder(first.fingerprint(),
                Fingerprints.repeated(first.fingerprint(), 2), Fingerprints.repeated(first.fingerprint(), 3));
        assertThat(normalized).allSatisfy(f -> {
            assertThat(f.message()).isEqualTo("same");
            assertThat(f.location()).isEqualTo(db);
        });
    }

    @Test
    void duplicatesOfDifferentFindingsAtOnePlaceStayApart() {
        Location sfn = at(FILE, 5, "Resources/Sfn");
        Finding a = Finding.of("AZ01", Severity.WARNING, "state A", sfn, "A");
        Finding b = Finding.of("AZ01", Severity.WARNING, "state B", sfn, "B");
        Finding hashTwo = Finding.of("AZ01", Severity.WARNING, "state #2", sfn, "#2");
        List<Finding> normalized = Engine.normalize(List.of(a, a, b, b, hashTwo, hashTwo));
        assertThat(normalized).hasSize(6);
        assertThat(normalized).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void aRenamedDuplicateNeverTakesAnotherFindingsFingerprint() {
        Location db = at(FILE, 5, "Resources/Db");
        Finding a = Finding.of("AZ01", Severity.WARNING, "a", db, "");
        // Another finding that happens to carry the fingerprint the duplicate of a would get.
        Finding squatter = a.withFingerprint(Fingerprints.repeated(a.fingerprint(), 2)).withMessage("b");
        List<Finding> normalized = Engine.normalize(List.of(a, a, squatter));
        assertThat(normalized).extracting(Finding::fingerprint).doesNotHaveDuplicates();
        assertThat(normalized).filteredOn(f -> f.message().equals("b")).singleElement()
                .extracting(Finding::fingerprint).isEqualTo(squatter.fingerprint());
    }

    @Test
    void normalizeIsIdempotentAndKeepsUniqueFingerprints() {
        Finding a = finding("AZ01", at(FILE, 5, "Resources/Db"));
        Finding b = finding("AZ02", at(FILE, 1, "Resources/Web"));
        List<Finding> once = Engine.normalize(List.of(a, b, a));
        assertThat(Engine.normalize(once)).isEqualTo(once);
        assertThat(Engine.normalize(List.of(b, a))).containsExactly(b, a);
    }
}
