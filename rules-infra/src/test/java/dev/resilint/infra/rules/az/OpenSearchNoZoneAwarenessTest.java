package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSearchNoZoneAwarenessTest {

    private static final String HEAD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Nodes: {Type: Number}
              Aware: {Type: String}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              Search:
            """;

    /** A domain of {@code type}; {@code marker} on its Properties line (12), {@code config} below it. */
    private static List<Finding> domain(String type, String attributes, String marker, String config) {
        return Expect.findings(new OpenSearchNoZoneAwareness(), HEAD + ("Type: " + type + "\n" + attributes
                + "Properties:" + marker + "\n" + ("EngineVersion: OpenSearch_2.11\n" + config).indent(2)).indent(4));
    }

    private static List<Finding> open(String marker, String config) {
        return domain("AWS::OpenSearchService::Domain", "", marker, config);
    }

    private static String path(Finding f) {
        return ((Location.Template) f.location()).logicalPath();
    }

    @Test
    void firesWithoutZoneAwarenessAtTheDecidingProperty() {
        List<Finding> findings = open("", """
                ClusterConfig:
                  InstanceCount: 3
                  ZoneAwarenessEnabled: false  # expect AZ09
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("OpenSearch domain Search does not survive the loss of an "
                    + "Availability Zone: ZoneAwarenessEnabled is false; set ZoneAwarenessEnabled: true with "
                    + "ZoneAwarenessConfig AvailabilityZoneCount 3");
            assertThat(path(f)).isEqualTo("Resources/Search/Properties/ClusterConfig/ZoneAwarenessEnabled");
            assertThat(((Location.Template) f.location()).line()).isEqualTo(16);
            assertThat(((Location.Template) f.location()).column()).isEqualTo(9);
        });
    }

    @Test
    void firesOnTheDefaultsWhenNothingIsSet() {
        assertThat(open("  # expect AZ09", "")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("ZoneAwarenessEnabled is not set (default false) and InstanceCount is not set "
                        + "(default 1 data node); set ZoneAwarenessEnabled: true with ZoneAwarenessConfig "
                        + "AvailabilityZoneCount 3 and run at least 3 data nodes"));
        assertThat(open("", "ClusterConfig:  # expect AZ09\n  InstanceType: r6g.large.search\n")).singleElement()
                .satisfies(f -> assertThat(path(f)).isEqualTo("Resources/Search/Properties/ClusterConfig/ZoneAwarenessEnabled"));
    }

    @Test
    void firesOnTooFewDataNodesEvenWhenZoneAware() {
        assertThat(open("", """
                ClusterConfig:
                  InstanceCount: '2'  # expect AZ09
                  ZoneAwarenessEnabled: true
                  ZoneAwarenessConfig: {AvailabilityZoneCount: 2}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("it has 2 data nodes (InstanceCount: 2); run at least 3 data nodes");
                    assertThat(path(f)).endsWith("ClusterConfig/InstanceCount");
                });
    }

    @Test
    void quietWhenZoneAwareWithThreeNodesOrMore() {
        assertThat(open("", "ClusterConfig: {InstanceCount: 3, ZoneAwarenessEnabled: true}")).isEmpty();
        assertThat(open("", "ClusterConfig: {InstanceCount: 4, ZoneAwarenessEnabled: 'true', "
                + "ZoneAwarenessConfig: {AvailabilityZoneCount: 2}}")).isEmpty();
    }

    @Test
    void quietOnValuesThatCannotBeKnown() {
        assertThat(open("", "ClusterConfig: {InstanceCount: !Ref Nodes, ZoneAwarenessEnabled: !Ref Aware}")).isEmpty();
        assertThat(open("", "ClusterConfig: !ImportValue search-cluster")).isEmpty();
        assertThat(open("", "ClusterConfig: {InstanceCount: !If [Prod, 3, 1], ZoneAwarenessEnabled: true}")).isEmpty();
        // the setting known to fall short is still reported
        assertThat(open("", "ClusterConfig:\n  InstanceCount: !Ref Nodes\n  ZoneAwarenessEnabled: false  # expect AZ09\n"))
                .singleElement().satisfies(f -> assertThat(f.message()).doesNotContain("InstanceCount"));
    }

    @Test
    void judgesLegacyElasticsearchDomainsOnTheirClusterConfig() {
        assertThat(domain("AWS::Elasticsearch::Domain", "", "", """
                ElasticsearchClusterConfig:
                  InstanceCount: 1  # expect AZ09
                  ZoneAwarenessEnabled: true
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).startsWith("Elasticsearch domain Search does not survive");
                    assertThat(path(f)).endsWith("ElasticsearchClusterConfig/InstanceCount");
                });
        assertThat(domain("AWS::Elasticsearch::Domain", "", "",
                "ElasticsearchClusterConfig: {InstanceCount: 3, ZoneAwarenessEnabled: true}")).isEmpty();
    }

    @Test
    void quietWhenTheDomainIsNeverCreated() {
        assertThat(domain("AWS::OpenSearchService::Domain", "Condition: Never\n", "", "")).isEmpty();
        assertThat(domain("AWS::OpenSearchService::Domain", "Condition: Prod\n", "  # expect AZ09", "")).hasSize(1);
    }
}
