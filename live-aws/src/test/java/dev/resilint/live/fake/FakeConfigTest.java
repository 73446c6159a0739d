package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.AggregatedSourceStatus;
import software.amazon.awssdk.services.config.model.AggregatedSourceStatusType;
import software.amazon.awssdk.services.config.model.InvalidExpressionException;
import software.amazon.awssdk.services.config.model.InvalidLimitException;
import software.amazon.awssdk.services.config.model.NoSuchConfigurationAggregatorException;
import software.amazon.awssdk.services.config.model.SelectAggregateResourceConfigResponse;

/** The fake AWS Config aggregator, through the SDK's own Config client over loopback (JSON 1.1). */
class FakeConfigTest {

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    static FakeConfig threeSubnets() {
        FakeConfig config = FakeConfig.serve(FAKE, "111122223333", "eu-west-1", "org");
        for (String id : List.of("subnet-a", "subnet-b", "subnet-c")) {
            config.item(Map.of("accountId", "444455556666", "awsRegion", "eu-west-1", "resourceType", "AWS::EC2::Subnet",
                    "resourceId", id, "configuration", Map.of("subnetId", id)));
        }
        config.item(Map.of("accountId", "444455556666", "awsRegion", "eu-west-1", "resourceType", "AWS::EC2::Instance",
                "resourceId", "i-1"));
        return config.source("444455556666", "eu-west-1", "FAILED", "AccessDenied", "no access");
    }

    @Test
    void selectPagesItsResultsByNextTokenAndRecordsEveryExpression() {
        FakeConfig config = threeSubnets();
        ConfigClient client = FAKE.client(ConfigClient.builder(), "111122223333", "eu-west-1");
        String expression = "select resourceId, configuration where resourceType = 'AWS::EC2::Subnet'";
        List<SelectAggregateResourceConfigResponse> pages = client.selectAggregateResourceConfigPaginator(r -> r
                .configurationAggregatorName("org").expression(expression).limit(100)).stream().toList();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).nextToken()).isNotEmpty();
        assertThat(pages.stream().flatMap(p -> p.results().stream()).toList()).containsExactly(
                "{\"resourceId\":\"subnet-a\",\"configuration\":{\"subnetId\":\"subnet-a\"}}",
                "{\"resourceId\":\"subnet-b\",\"configuration\":{\"subnetId\":\"subnet-b\"}}",
                "{\"resourceId\":\"subnet-c\",\"configuration\":{\"subnetId\":\"subnet-c\"}}");
        assertThat(config.expressions()).containsExactly(expression, expression);
        assertThat(FAKE.calls().count("config", "SelectAggregateResourceConfig")).isEqualTo(2);
        assertThat(FAKE.problems()).isEmpty();
    }

    @Test
    void starSelectsTheMetadataAndInSelectsSeveralTypes() {
        threeSubnets();
        ConfigClient client = FAKE.client(ConfigClient.builder(), "111122223333", "eu-west-1");
        List<String> results = client.selectAggregateResourceConfigPaginator(r -> r.configurationAggregatorName("org")
                .expression("SELECT * WHERE resourceType IN ('AWS::EC2::Instance', 'AWS::EC2::Subnet')")).stream()
                .flatMap(p -> p.results().stream()).toList();
        assertThat(results).hasSize(4).allMatch(r -> !r.contains("configuration"));
        ObjectMapper json = new ObjectMapper();
        assertThat(results.stream().map(r -> {
            try {
                return json.readTree(r);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        })).contains(json.valueToTree(Map.of("accountId", "444455556666", "awsRegion", "eu-west-1",
                "resourceType", "AWS::EC2::Instance", "resourceId", "i-1")));
    }

    @Test
    void accountIdLimitsTheItemsAndGroupByAccountIdCountsThemPerAccount() {
        FakeConfig config = threeSubnets();
        config.item(Map.of("accountId", "777788889999", "awsRegion", "eu-west-1", "resourceType", "AWS::EC2::Subnet",
                "resourceId", "subnet-z"));
        ConfigClient client = FAKE.client(ConfigClient.builder(), "111122223333", "eu-west-1");
        java.util.function.Function<String, List<String>> select = e -> client.selectAggregateResourceConfigPaginator(r -> r
                .configurationAggregatorName("org").expression(e)).stream().flatMap(p -> p.results().stream()).toList();
        assertThat(select.apply("SELECT resourceId WHERE resourceType = 'AWS::EC2::Subnet' AND accountId IN ('777788889999')"))
                .containsExactly("{\"resourceId\":\"subnet-z\"}");
        assertThat(select.apply("SELECT resourceId WHERE resourceType = 'AWS::EC2::Subnet' AND accountId = '444455556666'"))
                .hasSize(3);
        assertThat(select.apply("SELECT accountId, COUNT(*) WHERE resourceType IN ('AWS::EC2::Subnet', 'AWS::EC2::Instance')"
                + " GROUP BY accountId")).containsExactly("{\"accountId\":\"444455556666\",\"COUNT(*)\":4}",
                        "{\"accountId\":\"777788889999\",\"COUNT(*)\":1}");
        assertThatThrownBy(() -> select.apply("SELECT resourceId, COUNT(*) WHERE resourceType = 'AWS::EC2::Subnet'"
                + " GROUP BY accountId")).isInstanceOf(InvalidExpressionException.class);
        assertThat(FAKE.problems()).hasSize(1);
    }

    @Test
    void sourceStatusesAndTheAggregatorsNameAreThoseGiven() {
        threeSubnets();
        ConfigClient client = FAKE.client(ConfigClient.builder(), "111122223333", "eu-west-1");
        List<AggregatedSourceStatus> statuses = client.describeConfigurationAggregatorSourcesStatus(r -> r
                .configurationAggregatorName("org")).aggregatedSourceStatusList();
        assertThat(statuses).singleElement().satisfies(s -> {
            assertThat(s.sourceId()).isEqualTo("444455556666");
            assertThat(s.sourceTypeAsString()).isEqualTo("ACCOUNT");
            assertThat(s.lastUpdateStatus()).isEqualTo(AggregatedSourceStatusType.FAILED);
            assertThat(s.lastErrorCode()).isEqualTo("AccessDenied");
        });
        assertThat(client.describeConfigurationAggregators(r -> r.configurationAggregatorNames("org"))
                .configurationAggregators()).singleElement()
                .satisfies(a -> assertThat(a.configurationAggregatorArn()).endsWith(":config-aggregator/config-aggregator-org"));
        assertThatThrownBy(() -> client.describeConfigurationAggregators(r -> r.configurationAggregatorNames("other")))
                .isInstanceOf(NoSuchConfigurationAggregatorException.class);
        assertThatThrownBy(() -> client.selectAggregateResourceConfig(r -> r.configurationAggregatorName("other")
                .expression("SELECT * WHERE resourceType = 'AWS::EC2::Subnet'")))
                .isInstanceOf(NoSuchConfigurationAggregatorException.class);
        assertThat(FAKE.problems()).isEmpty();
    }

    @Test
    void anExpressionTheFakeDoesNotUnderstandOrALimitPast100IsRefusedAndListedAsAProblem() {
        threeSubnets();
        ConfigClient client = FAKE.client(ConfigClient.builder(), "111122223333", "eu-west-1");
        assertThatThrownBy(() -> client.selectAggregateResourceConfig(r -> r.configurationAggregatorName("org")
                .expression("SELECT COUNT(*) WHERE resourceType = 'AWS::EC2::Subnet' GROUP BY awsRegion")))
                .isInstanceOf(InvalidExpressionException.class);
        assertThatThrownBy(() -> client.selectAggregateResourceConfig(r -> r.configurationAggregatorName("org")
                .expression("SELECT * WHERE resourceType = 'AWS::EC2::Subnet'").limit(101)))
                .isInstanceOf(InvalidLimitException.class);
        assertThat(FAKE.problems()).hasSize(2);
    }
}
