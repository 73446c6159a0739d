package dev.resilint.core.report;

import static dev.resilint.core.report.TriageFixtures.DEV;
import static dev.resilint.core.report.TriageFixtures.NIGHT1;
import static dev.resilint.core.report.TriageFixtures.NIGHT2;
import static dev.resilint.core.report.TriageFixtures.PROD;
import static dev.resilint.core.report.TriageFixtures.alone;
import static dev.resilint.core.report.TriageFixtures.previous;
import static dev.resilint.core.report.TriageFixtures.report;
import static dev.resilint.core.report.TriageFixtures.scope;
import static dev.resilint.core.report.TriageFixtures.singleAz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.ResourceTags;
import dev.resilint.core.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupingTest {

    @TempDir
    Path dir;

    private final Finding orders = singleAz(PROD, "orders");
    private final Finding billing = singleAz(PROD, "billing");
    private final Finding scratch = singleAz(DEV, "scratch");
    private final Finding web = alone(DEV, "web");

    /** orders and billing belong to team-a, scratch has an {@code owner} tag in lower case, web's tags are unknown. */
    private ResourceTags tags() {
        return ResourceTags.of(Map.of(
                ResourceTags.key(orders.location()), Map.of("Owner", "team-a"),
                ResourceTags.key(billing.location()), Map.of("Owner", "team-a", "Name", "billing"),
                ResourceTags.key(scratch.location()), Map.of("owner", "team-b")),
                Set.of(ResourceTags.key(web.location())));
    }

    private Report night2() {
        return report(NIGHT2, List.of(orders, billing, scratch, web), List.of(), List.of(scope(PROD), scope(DEV)),
                tags());
    }

    @Test
    void parsesWhatGroupByTakesAndRefusesTheRest() {
        assertThat(GroupBy.parse("tag:Owner")).isEqualTo(new GroupBy(GroupBy.Kind.TAG, "Owner"));
        assertThat(GroupBy.parse("tag:cost center").tagKey()).isEqualTo("cost center");
        assertThat(GroupBy.parse("account").kind()).isEqualTo(GroupBy.Kind.ACCOUNT);
        assertThat(GroupBy.parse("region").kind()).isEqualTo(GroupBy.Kind.REGION);
        assertThat(GroupBy.parse("rule").label()).isEqualTo("rule");
        assertThatThrownBy(() -> GroupBy.parse("tag:")).hasMessage("'tag:' names no tag key: give tag:KEY, e.g. tag:owner");
        assertThatThrownBy(() -> GroupBy.parse("owner")).hasMessage("'owner' is not tag:KEY, account, region or rule");
        assertThatThrownBy(() -> GroupBy.parse("Account")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tagKeysMatchCaseSensitivelyAndResourcesWithoutTheTagFormTheirOwnGroup() {
        Grouping grouping = Grouping.of(night2(), GroupBy.parse("tag:Owner"));

        assertThat(grouping.group(orders)).isEqualTo("team-a");
        assertThat(grouping.group(billing)).isEqualTo("team-a");
        assertThat(grouping.group(scratch)).isEqualTo("(no Owner tag)");
        assertThat(grouping.group(web)).isEqualTo("(Owner tag unknown)");
        assertThat(grouping.groups()).containsExactly("team-a", "(Owner tag unknown)", "(no Owner tag)");

        Grouping lower = Grouping.of(night2(), GroupBy.parse("tag:owner"));
        assertThat(lower.group(scratch)).isEqualTo("team-b");
        assertThat(lower.group(orders)).isEqualTo("(no owner tag)");
    }

    @Test
    void groupsByAccountRegionAndRule() {
        Finding template = Finding.of("AZ04", Severity.WARNING, "RDS instance Db is not Multi-AZ",
                ReportFixtures.dbMultiAz(), null);
        Report report = report(NIGHT2, List.of(orders, scratch, web, template), List.of(), List.of(scope(PROD)),
                ResourceTags.NONE);

        assertThat(Grouping.of(report, GroupBy.parse("account")).groups())
                .containsExactly(PROD, DEV, "(no account)");
        assertThat(Grouping.of(report, GroupBy.parse("region")).groups()).containsExactly("eu-west-1", "(no region)");
        assertThat(Grouping.of(report, GroupBy.parse("rule")).groups()).containsExactly("AZ04", "LB01");
        assertThat(GroupBy.parse("account").heading(PROD)).isEqualTo("account 111122223333");
        assertThat(GroupBy.parse("tag:Owner").heading("team-a")).isEqualTo("Owner: team-a");
        assertThat(GroupBy.parse("tag:Owner").heading("(no Owner tag)")).isEqualTo("(no Owner tag)");
    }

    @Test
    void aFixedFindingIsInTheGroupThePreviousReportGaveItWhenThisRunNoLongerSeesItsResource() {
        Report night1 = report(NIGHT1, List.of(orders, billing, scratch), List.of(), List.of(scope(PROD), scope(DEV)),
                tags());
        ReportOptions grouped = ReportFixtures.options().withGroupBy(java.util.Optional.of(GroupBy.parse("tag:Owner")));
        Report night2 = report(NIGHT2, List.of(orders), List.of(), List.of(scope(PROD), scope(DEV)),
                ResourceTags.of(Map.of(ResourceTags.key(orders.location()), Map.of("Owner", "team-a")), Set.of()));

        Report compared = night2.withComparison(Comparison.of(night2, previous(night1, grouped,
                dir.resolve("grouped.json")), false));
        Grouping grouping = Grouping.of(compared, GroupBy.parse("tag:Owner"));
        assertThat(compared.comparison().orElseThrow().fixed()).containsExactlyInAnyOrder(billing, scratch);
        assertThat(grouping.groupOfPrevious(billing)).isEqualTo("team-a");
        assertThat(grouping.groupOfPrevious(scratch)).isEqualTo("(no Owner tag)");

        // compared with an ungrouped report, the owner of a resource no longer seen is not known
        Report ungrouped = night2.withComparison(Comparison.of(night2, previous(night1, dir.resolve("plain.json")),
                false));
        assertThat(Grouping.of(ungrouped, GroupBy.parse("tag:Owner")).groupOfPrevious(billing))
                .isEqualTo("(Owner tag unknown)");
    }

    @Test
    void gapsConcernTheirAccountRegionOrRulesAndEveryTagGroup() {
        Report report = report(NIGHT2, List.of(orders, scratch), List.of(TriageFixtures.deniedInstances(DEV)),
                List.of(scope(PROD), scope(DEV)), tags());
        NotEvaluatedGroup gap = NotEvaluatedGroup.of(report.notEvaluated()).get(0);

        assertThat(Grouping.of(report, GroupBy.parse("account")).concerns(DEV, gap)).isTrue();
        assertThat(Grouping.of(report, GroupBy.parse("account")).concerns(PROD, gap)).isFalse();
        assertThat(Grouping.of(report, GroupBy.parse("region")).concerns("eu-west-1", gap)).isTrue();
        assertThat(Grouping.of(report, GroupBy.parse("rule")).concerns("AZ04", gap)).isTrue();
        assertThat(Grouping.of(report, GroupBy.parse("rule")).concerns("LB01", gap)).isFalse();
        assertThat(Grouping.of(report, GroupBy.parse("tag:Owner")).concerns("team-a", gap)).isTrue();
    }

    @Test
    void fileNamesAreSafeDistinctAndTheSameEveryNight() {
        List<String> groups = List.of("team-a", "Team A", "TEAM A", "../etc/passwd", "(no Owner tag)", "index", "con",
                "payments.", "x".repeat(80), "équipe");
        Map<String, String> names = GroupFileNames.of(groups);

        assertThat(names.get("team-a")).isEqualTo("team-a.md");
        assertThat(names.get("Team A")).matches("team-a-[0-9a-f]{8}\\.md");
        assertThat(names.get("TEAM A")).matches("team-a-[0-9a-f]{8}\\.md").isNotEqualTo(names.get("Team A"));
        assertThat(names.get("../etc/passwd")).matches("etc-passwd-[0-9a-f]{8}\\.md");
        assertThat(names.get("(no Owner tag)")).matches("no-owner-tag-[0-9a-f]{8}\\.md");
        assertThat(names.get("index")).isNotEqualTo(GroupFileNames.INDEX).startsWith("index-");
        assertThat(names.get("con")).startsWith("con-");
        assertThat(names.get("payments.")).matches("payments-[0-9a-f]{8}\\.md");
        assertThat(names.get("x".repeat(80))).hasSize(60 + 1 + 8 + 3);
        assertThat(names.get("équipe")).matches("quipe-[0-9a-f]{8}\\.md");
        assertThat(names.values()).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("[a-z0-9][a-z0-9._-]*\\.md") && !n.contains(".."));
        assertThat(GroupFileNames.of(List.of("Team A"))).isEqualTo(Map.of("Team A", names.get("Team A")));
    }

    @Test
    void eachGroupPageHoldsItsOwnFindingsAndTheIndexLinksThemAll() {
        Report night1 = report(NIGHT1, List.of(orders, billing), List.of(), List.of(scope(PROD), scope(DEV)), tags());
        Report night2 = night2();
        Report compared = night2.withComparison(Comparison.of(night2, previous(night1, dir.resolve("n1.json")),
                false));

        List<GroupPages.Page> pages = GroupPages.of(compared, GroupBy.parse("tag:Owner"), ReportFixtures.options());

        assertThat(pages).extracting(GroupPages.Page::fileName).first().isEqualTo("index.md");
        assertThat(pages).hasSize(4);
        GroupPages.Page teamA = pages.get(1);
        assertThat(teamA.group()).contains("team-a");
        assertThat(teamA.fileName()).isEqualTo("team-a.md");
        assertThat(teamA.content()).startsWith("# Owner: team-a\n\n").contains("RDS instance orders")
                .contains("RDS instance billing").doesNotContain("scratch").doesNotContain("Instance web");
        GroupPages.Page noTag = pages.get(3);
        assertThat(noTag.content()).startsWith("# (no Owner tag)\n\n").contains("scratch")
                .contains("**1 new, 0 fixed since 2027-03-30.**").doesNotContain("orders");
        String index = pages.get(0).content();
        assertThat(index).startsWith("# resilint report by tag:Owner\n\n")
                .contains("**2 new, 0 fixed since 2027-03-30; 2 unchanged.**")
                .contains("| Owner: team-a | 2 | 0 | 0 | 0 | [team-a.md](team-a.md) |")
                .contains("| (no Owner tag) | 1 | 1 | 0 | 0 | [" + pages.get(3).fileName() + "]("
                        + pages.get(3).fileName() + ") |");
        assertThat(GroupPages.of(compared, GroupBy.parse("tag:Owner"), ReportFixtures.options())).isEqualTo(pages);
    }

    @Test
    void aLocationOfCodeOrTemplateHasNoAccountOrRegion() {
        Finding code = Finding.of("CT01", Severity.ERROR, "HttpClient without timeouts",
                new Location.Code("com.example.OrderClient", "fetch", "src/OrderClient.java", 3), null);
        assertThat(GroupBy.parse("account").groupOf(code, ResourceTags.NONE)).isEqualTo("(no account)");
        assertThat(GroupBy.parse("region").groupOf(code, ResourceTags.NONE)).isEqualTo("(no region)");
        assertThat(GroupBy.parse("tag:Owner").groupOf(code, ResourceTags.NONE)).isEqualTo("(no Owner tag)");
    }
}
