package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Severity;
import dev.resilint.core.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Shards' reports, written as JSON and read back, merge into the report of one scan over all their
 * accounts; what is not one scan's shards is refused with one line naming the files.
 */
class ReportMergerTest {

    // shard 1/2: 111122223333, 123456789012, 777788889999; shard 2/2: 222233334444, 444455556666, 555566667777
    static final List<String> ALL = List.of("111122223333", "123456789012", "222233334444", "444455556666",
            "555566667777", "777788889999");
    static final String DIGEST = JsonReportReaderTest.DIGEST;

    private static Finding finding(String account, String region) {
        String arn = "arn:aws:rds:" + region + ":" + account + ":db:orders";
        return Finding.of("AZ04", Severity.WARNING, "DB instance orders runs in one zone",
                new Location.Live(arn, account, region, "AWS::RDS::DBInstance"), arn);
    }

    /** What a scan of {@code accounts} reports: a finding in two regions of each, a gap in one, notes. */
    private static Report scan(List<String> accounts, List<String> extraNotes, FailThreshold threshold, String digest) {
        List<Finding> findings = new ArrayList<>();
        List<NotEvaluated> gaps = new ArrayList<>();
        List<String> notes = new ArrayList<>(extraNotes);
        for (String account : accounts) {
            findings.add(finding(account, "us-east-1"));
            findings.add(finding(account, "eu-west-1"));
            notes.add("scanned " + account + "/eu-west-1: 1 resource(s)");
            notes.add("scanned " + account + "/us-east-1: 1 resource(s)");
        }
        gaps.addAll(accounts.stream().filter(a -> a.startsWith("5")).map(a -> new NotEvaluated("AZ04", a + "/*", "*",
                NotEvaluated.Reason.ACCESS_DENIED, "sts:AssumeRole: AccessDenied", "")).toList());
        findings.sort(dev.resilint.core.Engine.ORDER);
        return new Report(ReportFixtures.rules(), findings, List.of(), List.of(), List.of(), false, List.of(), gaps,
                List.of(), notes, threshold, digest);
    }

    private static Report shard(int k, int n) {
        List<String> held = ALL.stream().filter(new Shard(k, n)::holds).toList();
        return scan(held, List.of(new Shard(k, n).note(held, ALL.size())), FailThreshold.WARNING, DIGEST);
    }

    private static String json(Report report) {
        return ReportFixtures.render(ReportFormat.JSON, report, ReportFixtures.options());
    }

    private static ReportMerger.Input input(String name, Report report) throws ReportReadException {
        return new ReportMerger.Input(name, new JsonReportReader(JsonReportReaderTest.CATALOG).read(json(report), name));
    }

    private static Report merge(ReportMerger.Input... inputs) throws ReportMerger.MergeException {
        return ReportMerger.merge(List.of(inputs), Optional.empty());
    }

    @Test
    void theShardsMergeIntoTheWholeScanInEveryFormat() throws Exception {
        Report whole = scan(ALL, List.of(), FailThreshold.WARNING, DIGEST);
        Report merged = merge(input("b.json", shard(2, 2)), input("a.json", shard(1, 2)));
        for (ReportFormat format : ReportFormat.values()) {
            for (ReportOptions options : List.of(ReportFixtures.options(), ReportFixtures.options(false, true, true))) {
                assertThat(ReportFixtures.render(format, merged, options)).as(format.toString())
                        .isEqualTo(ReportFixtures.render(format, whole, options));
            }
        }
        assertThat(merged.exitCode()).isEqualTo(whole.exitCode()).isEqualTo(1);
        assertThat(merged.notes()).first().isEqualTo("scanned 111122223333/eu-west-1: 1 resource(s)");
    }

    /** {@code report} run on {@code date}, having judged its accounts' scopes, with an Owner tag on each finding's resource. */
    private static Report dated(Report report, java.time.LocalDate date) {
        java.util.Map<String, java.util.Map<String, String>> tags = new java.util.HashMap<>();
        List<String> scopes = new ArrayList<>();
        for (Finding f : report.findings()) {
            Location.Live live = (Location.Live) f.location();
            tags.put(dev.resilint.core.ResourceTags.key(live), java.util.Map.of("Owner", "team-" + live.account()));
            scopes.add(live.account() + "/" + live.region());
        }
        return new Report(report.rules(), report.findings(), report.suppressed(), report.baselined(),
                report.staleBaselineEntries(), report.baselineUsed(), report.problems(), report.notEvaluated(),
                report.files(), report.notes(), report.threshold(), report.configuration(), Optional.of(date), scopes,
                dev.resilint.core.ResourceTags.of(tags, java.util.Set.of()), Optional.empty());
    }

    /**
     * The merge joins the scopes and the tags of the shards, so that it can be compared and grouped by
     * a tag as the whole scan, and takes the earliest shard's date: the day the scan started when the
     * shards run across midnight.
     */
    @Test
    void scopesAndTagsAreJoinedAndTheDateIsTheEarliestShards() throws Exception {
        java.time.LocalDate night = java.time.LocalDate.of(2027, 3, 30);
        Report whole = dated(scan(ALL, List.of(), FailThreshold.WARNING, DIGEST), night);
        Report merged = merge(input("b.json", dated(shard(2, 2), night.plusDays(1))),
                input("a.json", dated(shard(1, 2), night)));
        assertThat(merged.date()).contains(night);
        assertThat(merged.scopes()).isEqualTo(whole.scopes()).hasSize(2 * ALL.size());
        assertThat(merged.tags()).isEqualTo(whole.tags());
        ReportOptions byOwner = ReportFixtures.options().withGroupBy(Optional.of(GroupBy.parse("tag:Owner")));
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(ReportFixtures.render(format, merged, byOwner)).as(format.toString())
                    .isEqualTo(ReportFixtures.render(format, whole, byOwner));
        }
        Report sameDay = merge(input("a.json", dated(shard(1, 2), night)), input("b.json", dated(shard(2, 2), night)));
        assertThat(json(sameDay)).isEqualTo(json(whole));
        assertThat(SchemaValidation.parse(json(merged)).at("/run/date").asText()).isEqualTo("2027-03-30");
    }

    @Test
    void anotherThresholdJudgesTheMergedFindingsAsAScanWithIt() throws Exception {
        Report high = scan(ALL.stream().filter(new Shard(1, 2)::holds).toList(), List.of(new Shard(1, 2).note(
                ALL.stream().filter(new Shard(1, 2)::holds).toList(), ALL.size())), FailThreshold.ERROR, DIGEST);
        assertThatThrownBy(() -> merge(input("a.json", high), input("b.json", shard(2, 2))))
                .hasMessage("a.json and b.json have different fail thresholds (give --fail-on) (error and warning): "
                        + "merge the shards of one scan");
        Report merged = ReportMerger.merge(List.of(input("a.json", high), input("b.json", shard(2, 2))),
                Optional.of(FailThreshold.NONE));
        assertThat(json(merged)).isEqualTo(json(scan(ALL, List.of(), FailThreshold.NONE, DIGEST)));
    }

    @Test
    void reportsOfOtherVersionsOrConfigurationsAreRefused() throws Exception {
        ReportMerger.Input a = input("a.json", shard(1, 2));
        ReportMerger.Input older = new ReportMerger.Input("b.json", new JsonReportReader.Read("1.0.0",
                input("b.json", shard(2, 2)).read().report()));
        assertThatThrownBy(() -> merge(a, older)).isInstanceOf(ReportMerger.MergeException.class)
                .hasMessage("a.json and b.json were written by different resilint versions (1.2.3-test and 1.0.0): "
                        + "merge the shards of one scan");
        Report second = shard(2, 2);
        Report otherRules = new Report(second.rules(), second.findings(), List.of(), List.of(), List.of(), false,
                List.of(), second.notEvaluated(), List.of(), second.notes(), FailThreshold.WARNING,
                "sha256:" + "f".repeat(64));
        assertThatThrownBy(() -> merge(a, input("b.json", otherRules)))
                .hasMessage("a.json and b.json were scanned with different configurations (rules and their settings, "
                        + "suppressions, baseline, accounts or regions): merge the shards of one scan");
        Report unknown = new Report(second.rules(), second.findings(), List.of(), List.of(), List.of(), false,
                List.of(), second.notEvaluated(), List.of(), second.notes(), FailThreshold.WARNING, "");
        assertThatThrownBy(() -> merge(a, input("b.json", unknown)))
                .hasMessage("b.json does not record its configuration (run.configuration), so it cannot be checked "
                        + "against the other shards");
    }

    @Test
    void whatIsNotTheShardsOfOneScanIsRefused() throws Exception {
        ReportMerger.Input a = input("a.json", shard(1, 2));
        ReportMerger.Input b = input("b.json", shard(2, 2));
        assertThatThrownBy(() -> merge(a, input("whole.json", scan(ALL, List.of(), FailThreshold.WARNING, DIGEST))))
                .hasMessage("whole.json is not the report of a shard of a scan (resilint scan --shard K/N --format "
                        + "json): merge joins the shards of one scan");
        assertThatThrownBy(() -> merge(a, input("a2.json", shard(1, 2)), b))
                .hasMessage("a.json and a2.json are both shard 1/2: give each shard once");
        assertThatThrownBy(() -> merge(a, a, b)).hasMessage("a.json is given twice");
        assertThatThrownBy(() -> merge(a)).hasMessage("shard 2/2 is missing (given: a.json (1/2)): a merge of some "
                + "shards would pass over the accounts of the others");
        assertThatThrownBy(() -> merge(a, input("c.json", shard(2, 3))))
                .hasMessage("a.json is shard 1/2 but c.json is shard 2/3: merge the shards of one scan");
        assertThatThrownBy(() -> merge()).hasMessage("no reports to merge");
    }

    /** An account can be in one shard only: the one its hash names, whose note lists it. */
    @Test
    void anAccountInTwoReportsIsRefused() throws Exception {
        List<String> first = ALL.stream().filter(new Shard(1, 2)::holds).toList();
        List<String> second = ALL.stream().filter(new Shard(2, 2)::holds).toList();
        Report overlapping = scan(Stream.concat(second.stream(), Stream.of("111122223333")).toList(),
                List.of(new Shard(2, 2).note(second, ALL.size())), FailThreshold.WARNING, DIGEST);
        assertThatThrownBy(() -> merge(input("a.json", shard(1, 2)), input("b.json", overlapping)))
                .hasMessage("b.json has results for account 111122223333, which is not one of its shard's");
        Report claimed = scan(second, List.of(new Shard(2, 2).note(
                Stream.concat(second.stream(), Stream.of("111122223333")).sorted().toList(), ALL.size())),
                FailThreshold.WARNING, DIGEST);
        assertThatThrownBy(() -> merge(input("a.json", shard(1, 2)), input("b.json", claimed)))
                .hasMessage("b.json lists account 111122223333 in shard 2/2, but it belongs to shard 1/2");
        Report fewer = scan(first, List.of(new Shard(1, 2).note(first, ALL.size() + 1)), FailThreshold.WARNING,
                DIGEST);
        assertThatThrownBy(() -> merge(input("a.json", fewer), input("b.json", shard(2, 2))))
                .hasMessage("a.json and b.json saw different account lists (7 and 6 accounts): the organization or "
                        + "the accounts file changed between the shards; scan again");
    }
}
