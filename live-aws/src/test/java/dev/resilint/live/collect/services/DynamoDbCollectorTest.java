package dev.resilint.live.collect.services;

import static dev.resilint.live.collect.services.OneScope.ACCOUNT;
import static dev.resilint.live.collect.services.OneScope.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.rules.dr.DeletionProtectionDisabled;
import dev.resilint.infra.rules.dr.DynamoDbPitrDisabled;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.AwsService;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropertyLines;
import dev.resilint.live.map.dynamodb.TableMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbCollectorTest {

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    static final String ARN = "arn:aws:dynamodb:eu-west-1:111122223333:table/";
    static final List<String> NAMES = List.of("carts", "events", "orders", "sessions", "users");
    /** The other types DR02 reads, read and empty. */
    static final List<String> OTHERS = List.of("AWS::RDS::DBInstance", "AWS::RDS::DBCluster",
            "AWS::DynamoDB::GlobalTable", "AWS::ElasticLoadBalancingV2::LoadBalancer");

    /** Five tables: orders and users protected with PITR; the others without one or the other. */
    static void serve(FakeRegion eu) {
        eu.items("dynamodb", "ListTables", NAMES);
        for (String name : NAMES) {
            boolean protect = name.equals("orders") || name.equals("users") || name.equals("sessions");
            boolean pitr = name.equals("orders") || name.equals("users") || name.equals("carts");
            eu.answer("dynamodb", "DescribeTable", "TableName", name, Map.of("Table", Map.of("TableName", name,
                    "TableArn", ARN + name, "TableStatus", "ACTIVE", "DeletionProtectionEnabled", protect,
                    "BillingModeSummary", Map.of("BillingMode", "PAY_PER_REQUEST"))));
            eu.answer("dynamodb", "DescribeContinuousBackups", "TableName", name, Map.of(
                    "ContinuousBackupsDescription", Map.of("ContinuousBackupsStatus", "ENABLED",
                            "PointInTimeRecoveryDescription", Map.of("PointInTimeRecoveryStatus",
                                    pitr ? "ENABLED" : "DISABLED"))));
        }
    }

    @Test
    void readsTablesOverPagesWithTwoDetailCallsEachAndNoTagCalls() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        OneScope read = OneScope.collect(FAKE, new DynamoDbCollector());
        assertThat(read.arns()).containsExactly(ARN + "carts", ARN + "events", ARN + "orders", ARN + "sessions",
                ARN + "users");
        assertThat(read.completeness()).containsOnly(Map.entry(TableMapper.TYPE, Optional.empty()));
        assertThat(FAKE.calls().counts()).containsExactly(Map.entry("dynamodb:DescribeContinuousBackups", 5L),
                Map.entry("dynamodb:DescribeTable", 5L), Map.entry("dynamodb:ListTables", 3L));
        assertThat(PropertyLines.of(read.resource(ARN + "events").properties())).containsExactly(
                "TableName = \"events\"", "BillingMode = \"PAY_PER_REQUEST\"", "DeletionProtectionEnabled = false",
                "PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled = false");

        Results results = read.run(Config.defaults(), OTHERS, new DeletionProtectionDisabled(), new DynamoDbPitrDisabled());
        assertThat(OneScope.findings(results)).containsExactly("DR02 " + ARN + "carts", "DR02 " + ARN + "events",
                "DR03 " + ARN + "events", "DR03 " + ARN + "sessions");
        assertThat(results.notEvaluated()).isEmpty();
    }

    @Test
    void tagsArePagedByHandOnlyWhenARuleReadsThem() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        serve(eu);
        for (String name : NAMES) {
            eu.items("dynamodb", "ListTagsOfResource", "ResourceArn", ARN + name, name.equals("orders")
                    ? List.of(Map.of("Key", "team", "Value", "shop"), Map.of("Key", "env", "Value", "prod"),
                            Map.of("Key", "tier", "Value", "1"))
                    : List.of());
        }
        OneScope read = OneScope.collect(FAKE, new DynamoDbCollector(), new DynamoDbCollector().types(), true);
        assertThat(FAKE.calls().count("dynamodb", "ListTagsOfResource")).isEqualTo(6); // orders' 3 tags on 2 pages
        assertThat(PropertyLines.of(read.resource(ARN + "orders").properties())).contains(
                "Tags/0/Key = \"env\"", "Tags/1/Key = \"team\"", "Tags/2/Key = \"tier\"", "Tags/2/Value = \"1\"");
        assertThat(new DynamoDbCollector().actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void accessDeniedOnTheListIsAGapForTablesAndNoDetailIsAskedFor() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error(AwsError.accessDenied(AwsService.DYNAMODB, "no")).on("dynamodb", "ListTables"));
        OneScope read = OneScope.collect(FAKE, new DynamoDbCollector());
        assertThat(read.resources()).isEmpty();
        Completeness.Gap gap = read.completeness().get(TableMapper.TYPE).orElseThrow();
        assertThat(gap.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(gap.detail()).startsWith("ListTables: AccessDeniedException");
        assertThat(FAKE.calls().counts()).containsOnlyKeys("dynamodb:ListTables");
        Results results = read.run(Config.defaults(), OTHERS, new DeletionProtectionDisabled(), new DynamoDbPitrDisabled());
        assertThat(results.findings()).isEmpty();
        assertThat(OneScope.gaps(results)).containsExactly("DR02 AWS::DynamoDB::Table ACCESS_DENIED",
                "DR03 AWS::DynamoDB::Table ACCESS_DENIED");
    }

    @Test
    void aDeniedDetailCallKeepsTheTableAndOnlyTheRuleThatNeedsTheDetailIsNotEvaluated() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        serve(eu);
        eu.fail("dynamodb", "DescribeTable", "TableName", "events", AwsError.accessDenied(AwsService.DYNAMODB, "no"));
        eu.fail("dynamodb", "DescribeContinuousBackups", "TableName", "carts",
                AwsError.accessDenied(AwsService.DYNAMODB, "no"));
        OneScope read = OneScope.collect(FAKE, new DynamoDbCollector());
        assertThat(read.arns()).hasSize(5);
        assertThat(read.completeness().get(TableMapper.TYPE)).isEmpty();
        assertThat(read.resource(ARN + "events").unread()).hasValueSatisfying(u ->
                assertThat(u.detail()).startsWith("DescribeTable: AccessDeniedException"));
        assertThat(read.resource(ARN + "carts").unread()).isEmpty();

        Results results = read.run(Config.defaults(), OTHERS, new DeletionProtectionDisabled(), new DynamoDbPitrDisabled());
        // events: its deletion protection is unknown (DR02 not evaluated) but its PITR is off (DR03 fires);
        // carts: its PITR is unknown (DR03 not evaluated) but its deletion protection is off (DR02 fires)
        assertThat(OneScope.findings(results)).containsExactly("DR02 " + ARN + "carts", "DR03 " + ARN + "events",
                "DR03 " + ARN + "sessions");
        assertThat(OneScope.gaps(results)).containsExactly("DR02 " + ARN + "events ACCESS_DENIED",
                "DR03 " + ARN + "carts ACCESS_DENIED");
    }

    @Test
    void aTableDeletedBetweenTheListAndItsDescribeOrBeingDeletedIsGone() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        serve(eu);
        eu.fail("dynamodb", "DescribeTable", "TableName", "carts", new AwsError("ResourceNotFoundException", 400,
                "Requested resource not found").withJsonType("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"));
        eu.fail("dynamodb", "DescribeContinuousBackups", "TableName", "users", new AwsError("TableNotFoundException",
                400, "Table not found").withJsonType("com.amazonaws.dynamodb.v20120810#TableNotFoundException"));
        eu.answer("dynamodb", "DescribeTable", "TableName", "sessions", Map.of("Table", Map.of("TableName", "sessions",
                "TableArn", ARN + "sessions", "TableStatus", "DELETING")));
        OneScope read = OneScope.collect(FAKE, new DynamoDbCollector());
        assertThat(read.arns()).containsExactly(ARN + "events", ARN + "orders");
        assertThat(read.completeness().get(TableMapper.TYPE)).isEmpty();
        // no further call for a table that is gone or going: carts and sessions have no backups call
        assertThat(FAKE.calls().count("dynamodb", "DescribeContinuousBackups")).isEqualTo(3);
    }

    @Test
    void aDeniedTagCallLeavesOnlyTheTagsUnknown() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        serve(eu);
        for (String name : NAMES) {
            eu.items("dynamodb", "ListTagsOfResource", "ResourceArn", ARN + name, List.of());
        }
        FAKE.inject(Fault.error(AwsError.accessDenied(AwsService.DYNAMODB, "no")).on("dynamodb", "ListTagsOfResource"));
        OneScope read = OneScope.collect(FAKE, new DynamoDbCollector(), new DynamoDbCollector().types(), true);
        assertThat(read.resource(ARN + "orders").unread()).isEmpty();
        assertThat(PropertyLines.of(read.resource(ARN + "orders").properties())).contains("Tags = unknown ACCESS_DENIED");
        Config team = new Config(Optional.empty(), List.of(), List.of(), Map.of(), Map.of(), List.of("team"),
                Optional.empty(), List.of(), TreeReader.DEFAULT_MAX_BYTES);
        Results results = read.run(team, OTHERS, new DynamoDbPitrDisabled());
        assertThat(OneScope.findings(results)).containsExactly("DR03 " + ARN + "events", "DR03 " + ARN + "sessions");
    }
}
