package dev.resilint.live.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.Shard;
import dev.resilint.live.ScanSettings;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeConfig;
import dev.resilint.live.twin.Scans;
import dev.resilint.live.twin.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An organisation's resources are read from the aggregator a batch of accounts at a time (at most
 * {@link ConfigAggregatorSource#ACCOUNTS_PER_QUERY} accounts a query), never all at once, so that
 * memory holds a batch and not the organisation; a shard asks only for its own accounts; and the
 * accounts of an organisation-wide source are found by one aggregation query, recorder or not.
 * Every account holds one single-AZ RDS instance (AZ04).
 */
class ConfigBatchesTest {

    static final String AGGREGATOR_ACCOUNT = "111122223333";
    static final String EU = "eu-west-1";
    static final Pattern ACCOUNTS = Pattern.compile("AND accountId IN \\(([^)]*)\\)");

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    FakeConfig config;

    @BeforeEach
    void serve() {
        config = FakeConfig.serve(FAKE, AGGREGATOR_ACCOUNT, EU, "org");
    }

    static List<String> accounts(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("2000000000%02d", i)).toList();
    }

    void database(String account, boolean recorder) {
        TwinAccount a = new TwinAccount(FAKE, config, account, EU);
        if (recorder) {
            a.recorder();
        }
        a.dbInstance(Trees.map("DBInstanceIdentifier", "db", "DBInstanceArn", arn(account), "Engine", "postgres",
                "DBInstanceClass", "db.t3.micro", "DBInstanceStatus", "available", "MultiAZ", false,
                "AvailabilityZone", EU + "a", "BackupRetentionPeriod", 7, "DeletionProtection", true));
    }

    static String arn(String account) {
        return "arn:aws:rds:" + EU + ":" + account + ":db:db";
    }

    static Set<String> az04(Results results) {
        assertThat(results.problems()).isEmpty();
        return results.findings().stream().filter(f -> f.ruleId().equals("AZ04"))
                .map(f -> ((Location.Live) f.location()).arn()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The account lists of the queries for {@code type}, one list per query (not per page). */
    List<List<String>> batches(String type) {
        List<List<String>> batches = new ArrayList<>();
        for (String e : config.expressions().stream().distinct().toList()) {
            if (e.contains("resourceType = '" + type + "'")) {
                Matcher m = ACCOUNTS.matcher(e);
                assertThat(m.find()).as(e).isTrue();
                batches.add(List.of(m.group(1).replace("'", "").split(",\\s*")));
            }
        }
        return batches;
    }

    @Test
    void fortyFiveAccountsAreReadInThreeBatchesOfAtMostTwentyAndEveryOneIsJudged() {
        List<String> all = accounts(45);
        all.forEach(a -> {
            database(a, true);
            config.source(a, EU, "SUCCEEDED");
        });
        Results results = Scans.run(Scans.caller(FAKE, AGGREGATOR_ACCOUNT, EU)
                .withAggregator(new AggregatorSettings("org", EU, AggregatorSettings.DEFAULT_MAX_AGE)));

        assertThat(az04(results)).containsExactlyElementsOf(all.stream().map(ConfigBatchesTest::arn).sorted().toList());
        List<List<String>> batches = batches("AWS::RDS::DBInstance");
        assertThat(batches).hasSize(3).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(20));
        assertThat(batches.stream().flatMap(List::stream).sorted().toList()).containsExactlyElementsOf(all);
        assertThat(config.expressions().stream().distinct()).filteredOn(e -> e.contains("'AWS::Config::ConfigurationRecorder'"))
                .as("the recorders: one query for the organisation").hasSize(1);
    }

    @Test
    void aShardAsksOnlyForItsOwnAccounts() {
        List<String> all = accounts(45);
        all.forEach(a -> {
            database(a, true);
            config.source(a, EU, "SUCCEEDED");
        });
        Shard shard = new Shard(1, 2);
        Results results = Scans.run(Scans.caller(FAKE, AGGREGATOR_ACCOUNT, EU).withShard(shard)
                .withAggregator(new AggregatorSettings("org", EU, AggregatorSettings.DEFAULT_MAX_AGE)));

        List<String> mine = all.stream().filter(shard::holds).toList();
        assertThat(mine).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(az04(results)).containsExactlyElementsOf(mine.stream().map(ConfigBatchesTest::arn).sorted().toList());
        assertThat(batches("AWS::RDS::DBInstance").stream().flatMap(List::stream).sorted().toList())
                .containsExactlyElementsOf(mine);
    }

    @Test
    void anOrganizationWideSourceFindsItsAccountsByOneAggregationQueryEvenWithoutRecorderItems() {
        List<String> all = accounts(3);
        all.forEach(a -> database(a, false));
        config.source("o-abcdef1234", EU, "SUCCEEDED");
        Results results = Scans.run(Scans.caller(FAKE, AGGREGATOR_ACCOUNT, EU)
                .withAggregator(new AggregatorSettings("org", EU, AggregatorSettings.DEFAULT_MAX_AGE)));

        assertThat(az04(results)).containsExactlyElementsOf(all.stream().map(ConfigBatchesTest::arn).toList());
        assertThat(config.expressions().stream().distinct()).filteredOn(e -> e.contains("GROUP BY accountId")).singleElement()
                .satisfies(e -> assertThat(e).startsWith("SELECT accountId, COUNT(*) WHERE resourceType IN (")
                        .contains("'AWS::RDS::DBInstance'"));
    }
}
