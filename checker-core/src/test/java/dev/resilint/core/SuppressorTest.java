package dev.resilint.core;

import static dev.resilint.core.testing.Fixtures.at;
import static dev.resilint.core.testing.Fixtures.finding;
import static dev.resilint.core.testing.Fixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.testing.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SuppressorTest {

    static final RuleCatalog CATALOG = Fixtures.catalog(meta("AZ01", "AzSpread"), meta("AZ04", "DbMultiAz"),
            meta("CB01", "CircuitBreaker"));
    static final LocalDate TODAY = LocalDate.of(2026, 5, 10);
    static final Location CONFIG_ORIGIN = new Location.Template(".resilint.yaml", 12, 5, "suppressions/0", "", "");
    static final Location METADATA_ORIGIN = at("stack.yaml", 30, 7, "Resources/Db/Metadata/resilint/suppress/0");
    static final String REASON = "Accepted until the migration lands";

    private final Suppressor suppressor = new Suppressor(CATALOG, TODAY, Severity.WARNING);

    private static Suppression suppression(String ruleId, SuppressionScope scope) {
        return new Suppression(ruleId, REASON, Optional.empty(), scope, CONFIG_ORIGIN, Suppression.Format.CONFIG);
    }

    private static Suppression expiring(String ruleId, SuppressionScope scope, LocalDate expires) {
        return new Suppression(ruleId, REASON, Optional.of(expires), scope, CONFIG_ORIGIN, Suppression.Format.CONFIG);
    }

    @Test
    void resourceScopeCoversOnlyThatResourceInThatFile() {
        Finding db = finding("AZ04", at("stack.yaml", 10, "Resources/Db/Properties/MultiAZ"));
        Finding web = finding("AZ04", at("stack.yaml", 40, "Resources/Web"));
        Finding otherFile = finding("AZ04", at("other.yaml", 10, "Resources/Db"));
        Finding otherRule = finding("AZ01", at("stack.yaml", 11, "Resources/Db"));
        Suppression s = suppression("AZ04", new SuppressionScope.Resource("stack.yaml", "Db"));

        List<Finding> out = suppressor.apply(List.of(db, web, otherFile, otherRule), List.of(s));

        assertThat(out).hasSize(4);
        assertThat(out.get(0).suppression()).contains(s);
        assertThat(out.get(0).fingerprint()).isEqualTo(db.fingerprint());
        assertThat(out.get(0).message()).isEqualTo(db.message());
        assertThat(out.subList(1, 4)).containsExactly(web, otherFile, otherRule);
    }

    @Test
    void templateScopeCoversEveryFindingOfTheRuleInTheFile() {
        Finding db = finding("AZ04", at("stack.yaml", 10, "Resources/Db"));
        Finding top = finding("AZ04", at("stack.yaml", 1, "Parameters/Azs"));
        Finding otherFile = finding("AZ04", at("stacks/stack.yaml", 10, "Resources/Db"));
        Finding code = finding("AZ04", new Location.Code("stack", "yaml", "stack.yaml", 3));
        Suppression s = new Suppression("AZ04", REASON, Optional.empty(), new SuppressionScope.File("stack.yaml"),
                at("stack.yaml", 2, 3, "Metadata/resilint/suppress/0"), Suppression.Format.RESILINT_METADATA);

        List<Finding> out = suppressor.apply(List.of(db, top, otherFile, code), List.of(s));

        assertThat(out).extracting(Finding::isSuppressed).containsExactly(true, true, false, false);
    }

    @Test
    void pathGlobScopeSuppressesAcrossFiles() {
        Finding legacy = finding("AZ01", at("legacy/app.yaml", 3, "Resources/A"));
        Finding deep = finding("AZ01", at("legacy/eu/app.yaml", 3, "Resources/A"));
        Finding elsewhere = finding("AZ01", at("src/legacy/app.yaml", 3, "Resources/A"));
        Finding sibling = finding("AZ01", at("legacy.yaml", 3, "Resources/A"));
        Suppression s = suppression("AZ01", new SuppressionScope.PathGlob("legacy/**"));

        assertThat(suppressor.apply(List.of(legacy, deep, elsewhere, sibling), List.of(s)))
                .extracting(Finding::isSuppressed).containsExactly(true, true, false, false);
    }

    @Test
    void codeElementScopeSuppressesClassMembersAndNestedClasses() {
        Finding method = finding("CB01", new Location.Code("com.acme.Client", "call", "", 0));
        Finding nested = finding("CB01", new Location.Code("com.acme.Client$Retry", "run", "", 0));
        Finding lookalike = finding("CB01", new Location.Code("com.acme.ClientFactory", "call", "", 0));
        Suppression onClass = new Suppression("CB01", REASON, Optional.empty(),
                new SuppressionScope.CodeElement("com.acme.Client", ""), new Location.Code("com.acme.Client", "", "", 0),
                Suppression.Format.ANNOTATION);

        assertThat(suppressor.apply(List.of(method, nested, lookalike), List.of(onClass)))
                .extracting(Finding::isSuppressed).containsExactly(true, true, false);
    }

    @Test
    void anExpiringSuppressionStillAppliesOnItsLastDay() {
        Finding f = finding("AZ01", at("legacy/a.yaml", 3, "Resources/A"));
        Suppression s = expiring("AZ01", new SuppressionScope.PathGlob("legacy/**"), TODAY);
        List<Finding> out = suppressor.apply(List.of(f), List.of(s));
        assertThat(out).singleElement().satisfies(x -> {
            assertThat(x.suppression()).contains(s);
            assertThat(x.message()).isEqualTo(f.message());
        });
    }

    @Test
    void anExpiredSuppressionStopsSuppressingAndTheMessageSaysSo() {
        Finding f = finding("AZ01", at("legacy/a.yaml", 3, "Resources/A"));
        Suppression s = expiring("AZ01", new SuppressionScope.PathGlob("legacy/**"), TODAY.minusDays(1));
        List<Finding> out = suppressor.apply(List.of(f), List.of(s));
        assertThat(out).singleElement().satisfies(x -> {
            assertThat(x.isSuppressed()).isFalse();
            assertThat(x.fingerprint()).isEqualTo(f.fingerprint());
            assertThat(x.message()).isEqualTo(f.message()
                    + " (a suppression of AZ01 at .resilint.yaml:12:5 expired on 2026-05-09)");
        });
    }

    @Test
    void aValidSuppressionWinsOverAnExpiredOneInEitherOrder() {
        Finding f = finding("AZ01", at("legacy/a.yaml", 3, "Resources/A"));
        Suppression expired = expiring("AZ01", new SuppressionScope.PathGlob("legacy/**"), LocalDate.of(2020, 1, 1));
        Suppression valid = suppression("AZ01", new SuppressionScope.Resource("legacy/a.yaml", "A"));
        assertThat(suppressor.apply(List.of(f), List.of(expired, valid))).singleElement()
                .satisfies(x -> assertThat(x.suppression()).contains(valid));
        assertThat(suppressor.apply(List.of(f), List.of(valid, expired))).singleElement()
                .satisfies(x -> assertThat(x.suppression()).contains(valid));
    }

    @Test
    void anUnknownRuleIdBecomesRl01AtTheOriginAndSuppressesNothing() {
        Finding f = finding("AZ01", at("stack.yaml", 3, "Resources/Db"));
        Suppression typo = new Suppression("AZ10", REASON, Optional.empty(),
                new SuppressionScope.Resource("stack.yaml", "Db"), METADATA_ORIGIN, Suppression.Format.RESILINT_METADATA);

        List<Finding> out = new Suppressor(CATALOG, TODAY, Severity.ERROR).apply(List.of(f), List.of(typo));

        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isEqualTo(f);
        Finding rl01 = out.get(1);
        assertThat(rl01.ruleId()).isEqualTo("RL01");
        assertThat(rl01.severity()).isEqualTo(Severity.ERROR);
        assertThat(rl01.location()).isEqualTo(METADATA_ORIGIN);
        assertThat(rl01.message()).isEqualTo("suppression names unknown rule id 'AZ10'; it suppresses nothing");
        assertThat(rl01.fingerprint()).isEqualTo(Fingerprints.of("RL01", METADATA_ORIGIN, "AZ10/resilint"));
        assertThat(rl01.isSuppressed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Suppression.Format.class, names = {"RESILINT_METADATA", "CONFIG", "RESOURCE_TAG", "CFN_NAG", "CHECKOV"})
    void everyFormatWithAPlaceForAReasonNeedsOneOfTenCharacters(Suppression.Format format) {
        Finding f = finding("AZ01", at("stack.yaml", 3, "Resources/Db"));
        SuppressionScope scope = new SuppressionScope.Resource("stack.yaml", "Db");
        Suppression nine = new Suppression("AZ01", "  nine ch.  ", Optional.empty(), scope, METADATA_ORIGIN, format);
        Suppression ten = new Suppression("AZ01", "ten chars!", Optional.empty(), scope, METADATA_ORIGIN, format);

        List<Finding> rejected = suppressor.apply(List.of(f), List.of(nine));
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).isSuppressed()).isFalse();
        assertThat(rejected.get(1).ruleId()).isEqualTo("RL01");
        assertThat(rejected.get(1).location()).isEqualTo(METADATA_ORIGIN);
        assertThat(rejected.get(1).message())
                .isEqualTo("suppression of AZ01 needs a reason of at least 10 characters; it suppresses nothing");

        assertThat(suppressor.apply(List.of(f), List.of(ten))).singleElement()
                .satisfies(x -> assertThat(x.suppression()).contains(ten));
    }

    @Test
    void annotationsNeedNoReasonTheirEndOfLineCommentIsIt() {
        Finding f = finding("AZ01", at("stack.yaml", 3, "Resources/Db"));
        Suppression s = new Suppression("AZ01", null, Optional.empty(),
                new SuppressionScope.Resource("stack.yaml", "Db"), METADATA_ORIGIN, Suppression.Format.ANNOTATION);
        assertThat(s.reason()).isEmpty();
        assertThat(suppressor.apply(List.of(f), List.of(s))).singleElement()
                .satisfies(x -> assertThat(x.suppression()).contains(s));
    }

    @Test
    void cfnLintIgnoreChecksHasNoPlaceForAReasonSoItIsReportedAndSuppressesNothing() {
        Finding f = finding("AZ01", at("stack.yaml", 3, "Resources/Db"));
        Suppression s = new Suppression("AZ01", "", Optional.empty(),
                new SuppressionScope.Resource("stack.yaml", "Db"), METADATA_ORIGIN, Suppression.Format.CFN_LINT);
        List<Finding> out = suppressor.apply(List.of(f), List.of(s));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).isSuppressed()).isFalse();
        assertThat(out.get(1).ruleId()).isEqualTo("RL01");
        assertThat(out.get(1).location()).isEqualTo(METADATA_ORIGIN);
        assertThat(out.get(1).message()).isEqualTo("suppression of AZ01 in cfn-lint's ignore_checks has no place "
                + "for a reason; suppress it under Metadata resilint suppress with an id and a reason of at least "
                + "10 characters; it suppresses nothing");
    }

    @Test
    void otherToolsFormatsStillNeedAKnownRuleId() {
        Suppression s = new Suppression("E3012", "", Optional.empty(), new SuppressionScope.File("stack.yaml"),
                METADATA_ORIGIN, Suppression.Format.CFN_LINT);
        assertThat(suppressor.apply(List.of(), List.of(s))).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("RL01");
            assertThat(x.message()).contains("'E3012'");
            assertThat(x.fingerprint()).isEqualTo(Fingerprints.of("RL01", METADATA_ORIGIN, "E3012/cfn-lint"));
        });
    }

    @Test
    void rl01CannotBeSuppressedAndASuppressionOfItIsReported() {
        Suppression vendored = new Suppression("AZ01", "short", Optional.empty(),
                new SuppressionScope.Resource("vendor/stack.yaml", "Db"), at("vendor/stack.yaml", 8, "Resources/Db/Metadata"),
                Suppression.Format.RESILINT_METADATA);
        Suppression acceptRl01 = suppression("RL01", new SuppressionScope.PathGlob("vendor/**"));
        Suppression fileWide = new Suppression("RL01", REASON, Optional.empty(),
                new SuppressionScope.File("vendor/stack.yaml"), at("vendor/stack.yaml", 2, "Metadata/resilint/suppress/0"),
                Suppression.Format.RESILINT_METADATA);
        Finding malformed = finding("RL01", at("vendor/stack.yaml", 9, "Resources/Db/Metadata/resilint"));
        List<Finding> out = suppressor.apply(List.of(malformed), List.of(vendored, acceptRl01, fileWide));
        assertThat(out).hasSize(4).allSatisfy(x -> {
            assertThat(x.ruleId()).isEqualTo("RL01");
            assertThat(x.isSuppressed()).isFalse();
        });
        assertThat(out).extracting(Finding::message).filteredOn(m -> m.startsWith("RL01 cannot be suppressed"))
                .hasSize(2).first().isEqualTo("RL01 cannot be suppressed: fix or remove the suppression it "
                        + "reports; this suppression suppresses nothing");
    }

    @Test
    void findingsKeepTheirOrderAndRl01FindingsComeLast() {
        Finding a = finding("AZ01", at("b.yaml", 9, "Resources/A"));
        Finding b = finding("AZ04", at("a.yaml", 1, "Resources/B"));
        Suppression unknown = suppression("ZZ99", new SuppressionScope.PathGlob("**"));
        assertThat(suppressor.apply(List.of(a, b), List.of(unknown))).extracting(Finding::ruleId)
                .containsExactly("AZ01", "AZ04", "RL01");
    }

    @Test
    void isExpiredComparesWithTheLastDay() {
        Suppression s = expiring("AZ01", new SuppressionScope.File("x"), LocalDate.of(2027, 3, 31));
        assertThat(s.isExpired(LocalDate.of(2027, 3, 30))).isFalse();
        assertThat(s.isExpired(LocalDate.of(2027, 3, 31))).isFalse();
        assertThat(s.isExpired(LocalDate.of(2027, 4, 1))).isTrue();
        assertThat(suppression("AZ01", new SuppressionScope.File("x")).isExpired(LocalDate.of(9999, 1, 1))).isFalse();
    }
}
