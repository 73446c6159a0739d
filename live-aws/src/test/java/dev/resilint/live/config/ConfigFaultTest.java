package dev.resilint.live.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.ScanSettings;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeConfig;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.twin.Scans;
import dev.resilint.live.twin.Trees;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the aggregator source does when Config's data cannot be trusted: a source that failed to
 * deliver, items older than {@code --max-age}, a select the credentials may not run, a type the
 * recorder does not record, an aggregator that does not exist; and how it pages. Two regions of one
 * account, each with a single-AZ RDS instance (AZ04, DR01) and a table without point-in-time
 * recovery (DR02, DR03).
 */
class ConfigFaultTest {

    static final String ACCOUNT = "111122223333";
    static final String EU = "eu-west-1";
    static final String US = "us-east-1";
    static final String TABLE = "AWS::DynamoDB::Table";
    static final String DB = "AWS::RDS::DBInstance";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    FakeConfig config;

    @BeforeEach
    void serve() {
        config = FakeConfig.serve(FAKE, ACCOUNT, EU, "org");
    }

    /** A region of the account with its recorder, a single-AZ database and a table. */
    void region(String region, Instant tablesCaptured, boolean recorder) {
        TwinAccount a = new TwinAccount(FAKE, config, ACCOUNT, region);
        if (recorder) {
            a.recorder();
        }
        a.dbInstance(Trees.map("DBInstanceIdentifier", "db", "DBInstanceArn", arn(region, "rds", "db:db"),
                "Engine", "postgres", "DBInstanceClass", "db.t3.micro", "DBInstanceStatus", "available", "MultiAZ", false,
                "AvailabilityZone", region + "a", "BackupRetentionPeriod", 1, "DeletionProtection", false));
        a.capturedAt(tablesCaptured);
        a.table(Trees.map("TableName", "carts", "TableArn", arn(region, "dynamodb", "table/carts"), "TableStatus", "ACTIVE",
                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                "DeletionProtectionEnabled", false), false, Map.of());
    }

    static String arn(String region, String service, String rest) {
        return "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + rest;
    }

    static ScanSettings settings(Duration maxAge) {
        return Scans.caller(FAKE, ACCOUNT, EU, US).withAggregator(new AggregatorSettings("org", EU, maxAge));
    }

    static Results run() {
        return Scans.run(settings(AggregatorSettings.DEFAULT_MAX_AGE));
    }

    static Set<String> findings(Results results, String region) {
        assertThat(results.problems()).isEmpty();
        return results.findings().stream().map(f -> f.ruleId() + " " + ((Location.Live) f.location()).arn())
                .filter(l -> l.contains(":" + region + ":")).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<NotEvaluated> gaps(Results results, String region, String type) {
        return results.notEvaluated().stream()
                .filter(n -> n.scope().equals(ACCOUNT + "/" + region) && n.resourceType().equals(type)).toList();
    }

    static Set<String> expected(String region) {
        return Set.of("AZ04 " + arn(region, "rds", "db:db"), "DR01 " + arn(region, "rds", "db:db"),
                "DR02 " + arn(region, "dynamodb", "table/carts"), "DR03 " + arn(region, "dynamodb", "table/carts"));
    }

    @Test
    void bothRegionsSucceededGiveEveryFindingAndNoGapForTheirTypes() {
        region(EU, Instant.now(), true);
        region(US, Instant.now(), true);
        config.source(ACCOUNT, EU, "SUCCEEDED").source(ACCOUNT, US, "SUCCEEDED");
        Results results = run();
        assertThat(findings(results, EU)).containsAll(expected(EU));
        assertThat(findings(results, US)).containsAll(expected(US));
        assertThat(gaps(results, EU, TABLE)).isEmpty();
        assertThat(gaps(results, US, DB)).isEmpty();
    }

    @Test
    void aFailedSourceLeavesEverythingInItsAccountRegionNotEvaluatedWithConfigsError() {
        region(EU, Instant.now(), true);
        region(US, Instant.now(), true);
        config.source(ACCOUNT, EU, "SUCCEEDED")
                .source(ACCOUNT, US, "FAILED", "AccessDenied", "Config cannot read the source account");
        Results results = run();
        assertThat(findings(results, EU)).containsAll(expected(EU));
        assertThat(findings(results, US)).as("items of a failed source are not judged").isEmpty();
        List<NotEvaluated> us = results.notEvaluated().stream().filter(n -> n.scope().equals(ACCOUNT + "/" + US)).toList();
        assertThat(us).extracting(NotEvaluated::resourceType).contains(TABLE, DB, "AWS::EC2::Subnet");
        assertThat(us).filteredOn(n -> ConfigTypes.served().contains(n.resourceType()))
                .isNotEmpty()
                .allMatch(n -> n.reason() == NotEvaluated.Reason.ERROR)
                .allMatch(n -> n.detail().contains("source status FAILED AccessDenied (Config cannot read the source account)"));
        assertThat(gaps(results, EU, TABLE)).isEmpty();
    }

    @Test
    void anOutdatedSourceIsStale() {
        region(EU, Instant.now(), true);
        config.source(ACCOUNT, EU, "OUTDATED");
        Results results = run();
        assertThat(findings(results, EU)).isEmpty();
        assertThat(gaps(results, EU, DB)).isNotEmpty().allMatch(n -> n.reason() == NotEvaluated.Reason.STALE
                && n.detail().contains("source status OUTDATED"));
    }

    @Test
    void itemsOlderThanMaxAgeMakeTheirTypeStaleAndAreNotJudged() {
        region(EU, Instant.now().minus(Duration.ofDays(3)), true);
        config.source(ACCOUNT, EU, "SUCCEEDED");
        Results results = run();
        assertThat(findings(results, EU)).as("the fresh database is judged, the stale table is not")
                .contains("AZ04 " + arn(EU, "rds", "db:db"))
                .noneMatch(f -> f.contains("table/carts"));
        assertThat(gaps(results, EU, TABLE)).isNotEmpty().allMatch(n -> n.reason() == NotEvaluated.Reason.STALE
                && n.detail().contains("1 of 1 AWS::DynamoDB::Table configuration item(s) older than --max-age 26h"));
        assertThat(gaps(results, EU, DB)).isEmpty();

        Results lenient = Scans.run(settings(Duration.ofDays(7)));
        assertThat(findings(lenient, EU)).containsAll(expected(EU));
        assertThat(gaps(lenient, EU, TABLE)).isEmpty();
    }

    @Test
    void accessDeniedOnTheSelectLeavesEveryTypeNotEvaluatedAndNothingJudged() {
        region(EU, Instant.now(), true);
        config.source(ACCOUNT, EU, "SUCCEEDED");
        FAKE.inject(Fault.error("AccessDeniedException", 400).on("config", "SelectAggregateResourceConfig"));
        Results results = run();
        assertThat(results.findings()).extracting(Finding::ruleId).isEmpty();
        assertThat(gaps(results, EU, TABLE)).isNotEmpty().allMatch(n -> n.reason() == NotEvaluated.Reason.ACCESS_DENIED
                && n.detail().contains("SelectAggregateResourceConfig"));
        assertThat(gaps(results, EU, DB)).isNotEmpty().allMatch(n -> n.reason() == NotEvaluated.Reason.ACCESS_DENIED);
    }

    @Test
    void aTypeTheRecorderDoesNotRecordIsUnsupportedThereNeverEmpty() {
        config.recorder(ACCOUNT, EU, false, List.of(DB));
        new TwinAccount(FAKE, config, ACCOUNT, EU).dbInstance(Trees.map("DBInstanceIdentifier", "db",
                "DBInstanceArn", arn(EU, "rds", "db:db"), "Engine", "postgres", "MultiAZ", true,
                "BackupRetentionPeriod", 7, "DeletionProtection", true));
        config.source(ACCOUNT, EU, "SUCCEEDED");
        Results results = run();
        assertThat(gaps(results, EU, TABLE)).isNotEmpty().allMatch(n -> n.reason() == NotEvaluated.Reason.UNSUPPORTED
                && n.detail().contains("recorder does not record AWS::DynamoDB::Table in " + ACCOUNT + "/" + EU));
        assertThat(gaps(results, EU, DB)).isEmpty();
    }

    @Test
    void aResourceNotRecordedItemOrNoRecorderAtAllIsUnsupported() {
        config.item(Map.of("accountId", ACCOUNT, "awsRegion", EU, "resourceType", TABLE, "resourceId", "carts",
                "configurationItemStatus", "ResourceNotRecorded", "configurationItemCaptureTime", Instant.now().toString()));
        config.source(ACCOUNT, EU, "SUCCEEDED");
        Results results = run();
        assertThat(gaps(results, EU, TABLE)).isNotEmpty().allMatch(n -> n.reason() == NotEvaluated.Reason.UNSUPPORTED
                && n.detail().contains("ResourceNotRecorded"));
        assertThat(gaps(results, EU, DB)).as("no item and no recorder: unknown, never empty").isNotEmpty()
                .allMatch(n -> n.reason() == NotEvaluated.Reason.UNSUPPORTED && n.detail().contains("cannot be known"));
    }

    @Test
    void anItemLackingAMemberARuleReadsLeavesThatResourceNotEvaluatedForThatRuleNotPassed() {
        new TwinAccount(FAKE, config, ACCOUNT, EU).recorder();
        config.item(Map.of("accountId", ACCOUNT, "awsRegion", EU, "resourceType", DB, "resourceId", "db",
                "arn", arn(EU, "rds", "db:db"), "configurationItemStatus", "OK",
                "configurationItemCaptureTime", Instant.now().toString(),
                "configuration", Map.of("dBInstanceIdentifier", "db", "dBInstanceArn", arn(EU, "rds", "db:db"),
                        "engine", "postgres", "backupRetentionPeriod", 7, "deletionProtection", true)));
        config.source(ACCOUNT, EU, "SUCCEEDED");
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, EU)
                .withAggregator(new AggregatorSettings("org", EU, AggregatorSettings.DEFAULT_MAX_AGE)));
        assertThat(findings(results, EU)).noneMatch(f -> f.startsWith("AZ04 "));
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("AZ04"))
                .anyMatch(n -> n.subject().equals(arn(EU, "rds", "db:db"))
                        && n.detail().contains("its configuration item has no multiAZ"));
    }

    @Test
    void anOrganizationWideSourceStatusCoversTheAccountsItsItemsName() {
        region(EU, Instant.now(), true);
        config.source("o-abcdef1234", EU, "SUCCEEDED");
        Results results = run();
        assertThat(findings(results, EU)).containsAll(expected(EU));
        assertThat(results.notes()).anyMatch(n -> n.contains("AWS Config aggregator org in eu-west-1: 1 account region(s)"));
    }

    @Test
    void anAccountOrRegionAskedForThatTheAggregatorDoesNotHaveIsNotEvaluatedNeverSkipped() {
        region(EU, Instant.now(), true);
        config.source(ACCOUNT, EU, "SUCCEEDED");
        ScanSettings asked = Scans.settings(FAKE, ACCOUNT, new ScanSettings.Accounts.Listed(List.of(ACCOUNT,
                "444455556666")), java.util.Optional.empty(), List.of(EU, US))
                .withAggregator(new AggregatorSettings("org", EU, AggregatorSettings.DEFAULT_MAX_AGE));
        Results results = Scans.run(asked);
        assertThat(findings(results, EU)).containsAll(expected(EU));
        assertThat(results.notEvaluated()).filteredOn(n -> n.scope().equals("444455556666/*")).isNotEmpty()
                .allMatch(n -> n.reason() == NotEvaluated.Reason.UNSUPPORTED
                        && n.detail().equals("account 444455556666 is not a source of AWS Config aggregator org in eu-west-1"));
        assertThat(results.notEvaluated()).filteredOn(n -> n.scope().equals("*/" + US)).isNotEmpty()
                .allMatch(n -> n.detail().equals("region us-east-1 is not a source of AWS Config aggregator org in eu-west-1"));
    }

    @Test
    void anAggregatorWithoutSourcesIsNotEvaluatedEverywhere() {
        Results results = run();
        assertThat(results.findings()).isEmpty();
        assertThat(results.notEvaluated()).isNotEmpty().allMatch(n -> n.scope().equals("*/*")
                && n.reason() == NotEvaluated.Reason.UNSUPPORTED && n.detail().contains("aggregates no account and region"));
    }

    @Test
    void eachTypeIsOneSelectFromTheAggregatorAccountPagedByNextToken() {
        region(EU, Instant.now(), true);
        new TwinAccount(FAKE, config, ACCOUNT, EU)
                .subnet(Map.of("SubnetId", "subnet-a", "AvailabilityZone", "eu-west-1a", "VpcId", "vpc-1"))
                .subnet(Map.of("SubnetId", "subnet-b", "AvailabilityZone", "eu-west-1b", "VpcId", "vpc-1"))
                .subnet(Map.of("SubnetId", "subnet-c", "AvailabilityZone", "eu-west-1c", "VpcId", "vpc-1"));
        config.source(ACCOUNT, EU, "SUCCEEDED");
        FAKE.calls().clear();
        run();
        List<String> expressions = config.expressions();
        String ofTheAccount = " AND accountId IN ('" + ACCOUNT + "')";
        String subnets = "SELECT " + ConfigItem.FIELDS + " WHERE resourceType = 'AWS::EC2::Subnet'" + ofTheAccount;
        assertThat(expressions).as("three subnets in pages of two").filteredOn(subnets::equals).hasSize(2);
        assertThat(new TreeSet<>(expressions)).contains(subnets,
                "SELECT " + ConfigItem.FIELDS + " WHERE resourceType = 'AWS::Config::ConfigurationRecorder'",
                "SELECT " + ConfigItem.FIELDS + " WHERE resourceType = '" + TABLE + "'" + ofTheAccount);
        assertThat(FAKE.calls().count("config", "SelectAggregateResourceConfig")).isEqualTo(expressions.size());
        assertThat(FAKE.calls().calls()).allMatch(c -> c.account().equals(ACCOUNT) && (c.service().equals("sts")
                || c.service().equals("config") && c.region().equals(EU)));
    }

    @Test
    void anAggregatorThatDoesNotExistStopsTheScanNamingTheOption() {
        assertThatThrownBy(() -> Scans.run(Scans.caller(FAKE, ACCOUNT, EU).withAggregator(
                new AggregatorSettings("nope", EU, AggregatorSettings.DEFAULT_MAX_AGE))))
                .hasMessageContaining("--aggregator nope: no such AWS Config aggregator in eu-west-1");
    }
}
