package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four search domains: Logs without zone awareness on one node, Pair zone-aware on two nodes, Search
 * zone-aware over 3 zones on 3 nodes, and Legacy, an Elasticsearch domain without zone awareness
 * (an {@code AWS::Elasticsearch::Domain} in the template; live, the OpenSearch API serves it as an
 * {@code AWS::OpenSearchService::Domain} with an {@code Elasticsearch_7.10} engine). Written as a
 * template and served by the fake account, they get the same AZ09 findings, and the same messages but
 * for Legacy's kind of domain.
 */
class OpenSearchTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ES = "arn:aws:es:eu-west-1:111122223333:domain/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Logs:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  EngineVersion: OpenSearch_2.11
                  ClusterConfig: {InstanceType: r6g.large.search, InstanceCount: 1, ZoneAwarenessEnabled: false}
              Pair:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  EngineVersion: OpenSearch_2.11
                  ClusterConfig:
                    InstanceType: r6g.large.search
                    InstanceCount: 2
                    ZoneAwarenessEnabled: true
                    ZoneAwarenessConfig: {AvailabilityZoneCount: 2}
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  EngineVersion: OpenSearch_2.11
                  ClusterConfig:
                    InstanceType: r6g.large.search
                    InstanceCount: 3
                    ZoneAwarenessEnabled: true
                    ZoneAwarenessConfig: {AvailabilityZoneCount: 3}
              Legacy:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  ElasticsearchVersion: '7.10'
                  ElasticsearchClusterConfig: {InstanceType: r5.large.elasticsearch, InstanceCount: 3, ZoneAwarenessEnabled: false}
            """;

    static Map<String, Object> domain(String name, String engine, String type, int nodes, Integer zones) {
        Map<String, Object> cluster = new java.util.LinkedHashMap<>(Map.of("InstanceType", type, "InstanceCount", nodes,
                "DedicatedMasterEnabled", false, "ZoneAwarenessEnabled", zones != null, "WarmEnabled", false));
        if (zones != null) {
            cluster.put("ZoneAwarenessConfig", Map.of("AvailabilityZoneCount", zones));
        }
        return Map.of("DomainId", ACCOUNT + "/" + name, "DomainName", name, "ARN", ES + name, "Created", true,
                "Deleted", false, "EngineVersion", engine, "ClusterConfig", cluster);
    }

    /** The same domains as the account serves them. */
    static void serve(FakeRegion eu) {
        List<Map<String, Object>> domains = List.of(domain("logs", "OpenSearch_2.11", "r6g.large.search", 1, null),
                domain("pair", "OpenSearch_2.11", "r6g.large.search", 2, 2),
                domain("search", "OpenSearch_2.11", "r6g.large.search", 3, 3),
                domain("legacy", "Elasticsearch_7.10", "r5.large.elasticsearch", 3, null));
        eu.answer("opensearch", "ListDomainNames", Map.of("DomainNames", domains.stream().map(d -> Map.of(
                "DomainName", d.get("DomainName"), "EngineType",
                d.get("DomainName").equals("legacy") ? "Elasticsearch" : "OpenSearch")).toList()));
        eu.batch("opensearch", "DescribeDomains", "DomainNames", "DomainStatusList", "DomainName", domains);
    }

    @Test
    void theTemplateAndTheAccountGetTheSameOpenSearchFindings() throws Exception {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE).is("Logs", ES + "logs").is("Pair", ES + "pair").is("Search", ES + "search")
                .is("Legacy", ES + "legacy").assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).filteredOn(f -> f.startsWith("AZ09")).containsExactly("AZ09 Legacy", "AZ09 Logs",
                "AZ09 Pair");

        Map<String, String> template = templateMessages();
        Map<String, String> live = liveMessages();
        assertThat(live.keySet()).isEqualTo(template.keySet());
        assertThat(live).containsEntry("Legacy", template.get("Legacy").replace("Elasticsearch domain", "OpenSearch domain"));
        assertThat(live).containsEntry("Logs", template.get("Logs")).containsEntry("Pair", template.get("Pair"));
    }

    /** AZ09's messages in the template, by domain. */
    private Map<String, String> templateMessages() throws Exception {
        Files.writeString(dir.resolve("search.yaml"), TEMPLATE);
        var results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(
                List.of(dir.resolve("search.yaml")), dir, Config.defaults(), List.of()));
        Map<String, String> byId = new TreeMap<>();
        results.findings().stream().filter(f -> f.ruleId().equals("AZ09"))
                .forEach(f -> byId.put(((Location.Template) f.location()).resourceId(), f.message()));
        return byId;
    }

    /** AZ09's messages in the account, the live name ({@code logs}) written as the template's ({@code Logs}). */
    private Map<String, String> liveMessages() {
        FAKE.reset();
        serve(FAKE.account(ACCOUNT).region(REGION));
        Map<String, String> byId = new TreeMap<>();
        for (Finding f : Scans.run(Scans.caller(FAKE, ACCOUNT, REGION)).findings()) {
            if (f.ruleId().equals("AZ09")) {
                String name = ((Location.Live) f.location()).arn().substring(ES.length());
                String id = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
                byId.put(id, f.message().replace(" " + name + " ", " " + id + " "));
            }
        }
        return byId;
    }
}
