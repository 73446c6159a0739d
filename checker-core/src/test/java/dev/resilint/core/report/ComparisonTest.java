package dev.resilint.core.report;

import static dev.resilint.core.report.TriageFixtures.DEV;
import static dev.resilint.core.report.TriageFixtures.NIGHT1;
import static dev.resilint.core.report.TriageFixtures.NIGHT2;
import static dev.resilint.core.report.TriageFixtures.PROD;
import static dev.resilint.core.report.TriageFixtures.alone;
import static dev.resilint.core.report.TriageFixtures.deniedInstances;
import static dev.resilint.core.report.TriageFixtures.previous;
import static dev.resilint.core.report.TriageFixtures.report;
import static dev.resilint.core.report.TriageFixtures.scope;
import static dev.resilint.core.report.TriageFixtures.singleAz;
import static dev.resilint.core.report.TriageFixtures.unassumable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.ResourceTags;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

    @TempDir
    Path dir;

    private final List<String> both = List.of(scope(PROD), scope(DEV));

    private Comparison compare(Report night1, Report night2, boolean failOnNew) {
        return Comparison.of(night2, previous(night1, dir.resolve("night1.json")), failOnNew);
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream().map(Finding::message).toList();
    }

    @Test
    void findingsAreNewOrUnchangedByFingerprintAndThoseGoneAreFixed() {
        Report night1 = report(NIGHT1, List.of(singleAz(PROD, "orders"), singleAz(PROD, "billing")), List.of(), both,
                ResourceTags.NONE);
        // the message changed (a new wording), the fingerprint did not
        Finding reworded = singleAz(PROD, "orders").withMessage("orders: one Availability Zone");
        Report night2 = report(NIGHT2, List.of(reworded, alone(DEV, "web")), List.of(), both, ResourceTags.NONE);

        Comparison c = compare(night1, night2, false);

        assertThat(c.previousDate()).contains(NIGHT1);
        assertThat(c.change(reworded)).isEqualTo(Change.UNCHANGED);
        assertThat(c.change(alone(DEV, "web"))).isEqualTo(Change.NEW);
        assertThat(c.count(night2.findings(), Change.NEW)).isEqualTo(1);
        assertThat(messages(c.fixed())).containsExactly("RDS instance billing is not Multi-AZ");
        assertThat(c.notRechecked()).isEmpty();
        assertThat(c.since()).isEqualTo("since 2027-03-30");
    }

    @Test
    void aFindingOfAnAccountThatCouldNotBeReadIsNeverFixed() {
        Report night1 = report(NIGHT1, List.of(singleAz(PROD, "orders"), singleAz(DEV, "scratch"),
                alone(DEV, "web")), List.of(), both, ResourceTags.NONE);
        // night 2: the dev account's role could not be assumed, so only prod was judged
        Report night2 = report(NIGHT2, List.of(), unassumable(DEV), List.of(scope(PROD)), ResourceTags.NONE);

        Comparison c = compare(night1, night2, false);

        assertThat(messages(c.fixed())).containsExactly("RDS instance orders is not Multi-AZ");
        assertThat(c.notRechecked()).extracting(n -> n.finding().message())
                .containsExactly("Instance web runs alone", "RDS instance scratch is not Multi-AZ");
        assertThat(c.notRechecked().get(1).reason())
                .isEqualTo("AZ04 was not evaluated in 444455556666 (every region): access-denied"
                        + " (sts:AssumeRole: AccessDenied)");
    }

    @Test
    void aGapOfTheRuleAnywhereInTheScopeOrAProblemThereOrARuleThatDidNotRunIsNotRechecked() {
        Report night1 = report(NIGHT1, List.of(singleAz(PROD, "orders"), singleAz(DEV, "scratch"),
                alone(PROD, "web")), List.of(), both, ResourceTags.NONE);
        Problem failed = Problem.internal("LB01", scope(PROD), "NullPointerException: boom");
        Report night2 = report(NIGHT2, List.of(), List.of(), List.of(deniedInstances(DEV)), List.of(failed), both,
                ResourceTags.NONE);

        Comparison c = compare(night1, night2, false);

        assertThat(messages(c.fixed())).containsExactly("RDS instance orders is not Multi-AZ");
        assertThat(c.notRechecked()).extracting(NotRechecked::reason).containsExactly(
                "111122223333 eu-west-1: internal error: NullPointerException: boom",
                "AZ04 was not evaluated in 444455556666 eu-west-1: AWS::RDS::DBInstance access-denied"
                        + " (rds:DescribeDBInstances: AccessDenied)");

        Report onlyLb = new Report(List.of(ReportFixtures.loadBalancer()), List.of(), List.of(), List.of(), List.of(),
                false, List.of(), List.of(), List.of(), List.of(), night2.threshold(), night2.date(), both,
                ResourceTags.NONE, Optional.empty());
        Comparison rulesOff = Comparison.of(onlyLb, previous(night1, dir.resolve("n1.json")), false);
        assertThat(rulesOff.notRechecked()).extracting(NotRechecked::reason)
                .contains("AZ04 did not run this time");
        assertThat(messages(rulesOff.fixed())).containsExactly("Instance web runs alone");
    }

    @Test
    void anAccountNotScannedThisTimeIsNotRechecked() {
        Report night1 = report(NIGHT1, List.of(singleAz(DEV, "scratch")), List.of(), both, ResourceTags.NONE);
        Report night2 = report(NIGHT2, List.of(), List.of(), List.of(scope(PROD)), ResourceTags.NONE);

        Comparison c = compare(night1, night2, false);

        assertThat(c.fixed()).isEmpty();
        assertThat(c.notRechecked()).extracting(NotRechecked::reason)
                .containsExactly("444455556666 eu-west-1 was not scanned this time");
    }

    @Test
    void aFindingSuppressedNowIsNeitherFixedNorCounted() {
        Finding orders = singleAz(PROD, "orders");
        Report night1 = report(NIGHT1, List.of(orders), List.of(), both, ResourceTags.NONE);
        Suppression reason = new Suppression("AZ04", "reporting copy, rebuilt nightly", Optional.empty(),
                new SuppressionScope.LiveResource(orders.location().subject()), orders.location(),
                Suppression.Format.RESOURCE_TAG);
        Report night2 = report(NIGHT2, List.of(), List.of(orders.withSuppression(reason)), List.of(), List.of(), both,
                ResourceTags.NONE);

        Comparison c = compare(night1, night2, false);

        assertThat(c.fixed()).isEmpty();
        assertThat(c.notRechecked()).isEmpty();
    }

    @Test
    void gapsThatAppearedAreNewAndGapsThatWentAwayAreResolved() {
        Report night1 = report(NIGHT1, List.of(), List.of(deniedInstances(PROD)), both, ResourceTags.NONE);
        Report night2 = report(NIGHT2, List.of(), List.of(deniedInstances(DEV)), both, ResourceTags.NONE);

        Comparison c = compare(night1, night2, false);

        List<NotEvaluatedGroup> now = NotEvaluatedGroup.of(night2.notEvaluated());
        assertThat(c.change(now.get(0))).isEqualTo(Change.NEW);
        assertThat(c.resolvedGaps()).extracting(NotEvaluatedGroup::scope).containsExactly(scope(PROD));

        Report night3 = report(NIGHT2, List.of(), List.of(deniedInstances(DEV)), List.of(scope(PROD)),
                ResourceTags.NONE);
        Comparison again = Comparison.of(night3, previous(night2, dir.resolve("night2.json")), false);
        assertThat(again.change(NotEvaluatedGroup.of(night3.notEvaluated()).get(0))).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void aGapOfAnAccountNotScannedThisTimeIsNotResolved() {
        Report night1 = report(NIGHT1, List.of(), List.of(deniedInstances(DEV)), both, ResourceTags.NONE);
        Report night2 = report(NIGHT2, List.of(), List.of(), List.of(scope(PROD)), ResourceTags.NONE);

        assertThat(compare(night1, night2, false).resolvedGaps()).isEmpty();
    }

    @Test
    void withFailOnNewOnlyNewFindingsFailTheRun() {
        Report night1 = report(NIGHT1, List.of(singleAz(PROD, "orders")), List.of(), both, ResourceTags.NONE);
        Report same = report(NIGHT2, List.of(singleAz(PROD, "orders")), List.of(), both, ResourceTags.NONE);
        List<Finding> more = new ArrayList<>(same.findings());
        more.add(alone(DEV, "web"));
        Report worse = report(NIGHT2, more, List.of(), both, ResourceTags.NONE);

        assertThat(same.withComparison(compare(night1, same, false)).failingCount()).isEqualTo(1);
        Report onlyNew = same.withComparison(compare(night1, same, true));
        assertThat(onlyNew.failingCount()).isZero();
        assertThat(onlyNew.exitCode()).isEqualTo(ExitCodes.OK);
        Report worseOnlyNew = worse.withComparison(compare(night1, worse, true));
        assertThat(worseOnlyNew.failingCount()).isEqualTo(1);
        assertThat(worseOnlyNew.exitCode()).isEqualTo(ExitCodes.FINDINGS);

        // gaps still give their exit code
        Report gap = report(NIGHT2, List.of(singleAz(PROD, "orders")), List.of(deniedInstances(DEV)), both,
                ResourceTags.NONE);
        assertThat(gap.withComparison(compare(night1, gap, true)).exitCode()).isEqualTo(ExitCodes.NOT_EVALUATED);
    }

    @Test
    void aPreviousReportWithoutDateIsComparedSinceThePreviousReport() {
        Report undated = new Report(List.of(ReportFixtures.rdsMultiAz()), List.of(singleAz(PROD, "orders")), List.of(),
                List.of(), List.of(), false, List.of(), List.<NotEvaluated>of(), List.of(), List.of(),
                dev.resilint.core.FailThreshold.WARNING);
        Report night2 = report(NIGHT2, List.of(), List.of(), both, ResourceTags.NONE);

        Comparison c = compare(undated, night2, false);

        assertThat(c.previousDate()).isEmpty();
        assertThat(c.since()).isEqualTo("since the previous report");
    }
}
