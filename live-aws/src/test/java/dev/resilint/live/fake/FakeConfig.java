package dev.resilint.live.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One AWS Config aggregator served by the fake in its account and region: its configuration items,
 * the status of its sources, and the recorders of its accounts. It answers
 * {@code DescribeConfigurationAggregators} (an unknown name is
 * {@code NoSuchConfigurationAggregatorException}), {@code DescribeConfigurationAggregatorSourcesStatus}
 * and {@code SelectAggregateResourceConfig}, whose {@code Expression} it interprets
 * ({@link SelectExpression}) and whose results it pages by {@code Limit} and {@code NextToken}, like
 * every list operation of the fake. Each result is the JSON text of the selected members.
 *
 * <p>Items are trees as Config writes them: {@code accountId}, {@code awsRegion},
 * {@code resourceType}, {@code resourceId}, {@code arn}, {@code configuration} (camelCase members),
 * {@code supplementaryConfiguration}, {@code tags}, {@code configurationItemCaptureTime},
 * {@code configurationItemStatus}.
 *
 * <p>The operations, their members, errors and paginators are those of botocore's
 * {@code config/2014-11-12} model ({@code service-2.json}, {@code paginators-1.json}): JSON 1.1 with
 * {@code X-Amz-Target: StarlingDoveService.<Operation>}, {@code Limit} 0..100, result keys
 * {@code ConfigurationAggregators}, {@code AggregatedSourceStatusList} and {@code Results}.
 */
public final class FakeConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeAws fake;
    private final String name;
    private final String arn;
    private final List<Map<String, Object>> items = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> sources = new CopyOnWriteArrayList<>();
    private final List<String> expressions = new CopyOnWriteArrayList<>();

    private FakeConfig(FakeAws fake, String account, String region, String name) {
        this.fake = fake;
        this.name = name;
        this.arn = "arn:aws:config:" + region + ":" + account + ":config-aggregator/config-aggregator-" + name;
    }

    /** Serves the aggregator {@code name} in {@code account}'s {@code region}. */
    public static FakeConfig serve(FakeAws fake, String account, String region, String name) {
        FakeConfig config = new FakeConfig(fake, account, region, name);
        FakeRegion at = fake.account(account).region(region);
        at.listHandler("config", "DescribeConfigurationAggregators", in -> {
            Object names = in.get("ConfigurationAggregatorNames");
            if (names instanceof List<?> list && list.stream().anyMatch(n -> !name.equals(n))) {
                throw noSuch();
            }
            return List.of(Map.of("ConfigurationAggregatorName", name, "ConfigurationAggregatorArn", config.arn));
        });
        at.listHandler("config", "DescribeConfigurationAggregatorSourcesStatus", in -> {
            config.check(in);
            return List.copyOf(config.sources);
        });
        at.listHandler("config", "SelectAggregateResourceConfig", in -> {
            config.check(in);
            String expression = String.valueOf(in.get("Expression"));
            config.expressions.add(expression);
            SelectExpression select;
            try {
                select = SelectExpression.parse(expression);
            } catch (AwsError e) {
                fake.problem("config SelectAggregateResourceConfig: " + e.getMessage());
                throw e;
            }
            List<String> results = new ArrayList<>();
            if (select.groupsByAccount()) {
                select.rows(config.items).forEach(row -> results.add(json(row)));
                return results;
            }
            for (Map<String, Object> item : config.items) {
                if (select.matches(item)) {
                    results.add(json(select.project(item)));
                }
            }
            return results;
        });
        return config;
    }

    /** The aggregator's name, and a {@code Limit} within the model's 0..100. */
    private void check(Map<String, Object> input) {
        if (!name.equals(input.get("ConfigurationAggregatorName"))) {
            throw noSuch();
        }
        Object limit = input.get("Limit");
        if (limit != null && (Integer.parseInt(String.valueOf(limit)) > 100 || Integer.parseInt(String.valueOf(limit)) < 0)) {
            fake.problem("config: Limit " + limit + " outside 0..100");
            throw new AwsError("InvalidLimitException", 400, "The Limit must be between 0 and 100.");
        }
    }

    private static AwsError noSuch() {
        return new AwsError("NoSuchConfigurationAggregatorException", 400,
                "The configuration aggregator does not exist. Check the configuration aggregator name and try again.");
    }

    /** Adds a configuration item (a tree as Config writes it). */
    public FakeConfig item(Map<String, Object> item) {
        for (String required : List.of("accountId", "awsRegion", "resourceType")) {
            if (!item.containsKey(required)) {
                throw new IllegalArgumentException("a configuration item needs " + required + ": " + item);
            }
        }
        items.add(new LinkedHashMap<>(item));
        return this;
    }

    /** Adds a source account and region with its status ({@code SUCCEEDED}, {@code FAILED}, {@code OUTDATED}). */
    public FakeConfig source(String account, String region, String status) {
        return source(account, region, status, null, null);
    }

    /** Adds a source with its status and, for a failure, Config's error code and message. */
    public FakeConfig source(String account, String region, String status, String errorCode, String errorMessage) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("SourceId", account);
        s.put("SourceType", account.matches("\\d{12}") ? "ACCOUNT" : "ORGANIZATION");
        s.put("AwsRegion", region);
        s.put("LastUpdateStatus", status);
        s.put("LastUpdateTime", Instant.parse("2026-01-01T00:00:00Z"));
        if (errorCode != null) {
            s.put("LastErrorCode", errorCode);
            s.put("LastErrorMessage", errorMessage);
        }
        sources.add(s);
        return this;
    }

    /**
     * Adds the configuration recorder of an account and region, recording every supported type
     * ({@code allSupported}) or only {@code types}.
     */
    public FakeConfig recorder(String account, String region, boolean allSupported, List<String> types) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("AllSupported", allSupported);
        group.put("IncludeGlobalResourceTypes", false);
        group.put("ResourceTypes", types);
        group.put("RecordingStrategy", Map.of("UseOnly", allSupported ? "ALL_SUPPORTED_RESOURCE_TYPES"
                : "INCLUSION_BY_RESOURCE_TYPES"));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("accountId", account);
        item.put("awsRegion", region);
        item.put("resourceType", "AWS::Config::ConfigurationRecorder");
        item.put("resourceId", "default");
        item.put("configurationItemStatus", "OK");
        item.put("configurationItemCaptureTime", Instant.now().toString());
        item.put("configuration", Map.of("Name", "default", "Recording", true, "RecordingGroup", group));
        return item(item);
    }

    /** Every {@code Expression} received, in order. */
    public List<String> expressions() {
        return List.copyOf(expressions);
    }

    /** Forgets items, sources and expressions. */
    public void clear() {
        items.clear();
        sources.clear();
        expressions.clear();
    }

    private static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
