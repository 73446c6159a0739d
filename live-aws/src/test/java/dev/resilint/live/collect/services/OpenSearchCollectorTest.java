package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PropertyLines;
import dev.resilint.live.model.Scope;
import dev.resilint.live.twin.Scans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenSearchCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-west-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String TYPE = "AWS::OpenSearchService::Domain";
    static final String ELASTICSEARCH = "AWS::Elasticsearch::Domain";
    static final String ARN = "arn:aws:es:eu-west-1:222233334444:domain/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final OpenSearchCollector collector = new OpenSearchCollector();

    static Map<String, Object> status(String name, String engine, boolean aware, int nodes) {
        Map<String, Object> cluster = new java.util.LinkedHashMap<>(Map.of("InstanceType", "r6g.large.search",
                "InstanceCount", nodes, "DedicatedMasterEnabled", false, "ZoneAwarenessEnabled", aware,
                "WarmEnabled", false, "MultiAZWithStandbyEnabled", false));
        if (aware) {
            cluster.put("ZoneAwarenessConfig", Map.of("AvailabilityZoneCount", 3));
        }
        return Map.of("DomainId", ACCOUNT + "/" + name, "DomainName", name, "ARN", ARN + name, "Created", true,
                "Deleted", name.startsWith("gone"), "EngineVersion", engine, "ClusterConfig", cluster,
                "EBSOptions", Map.of("EBSEnabled", true, "VolumeType", "gp3", "VolumeSize", 100),
                "VPCOptions", Map.of("VPCId", "vpc-1", "SubnetIds", List.of("subnet-a", "subnet-b"),
                        "SecurityGroupIds", List.of("sg-1")));
    }

    /** Seven domains (two DescribeDomains batches), one of them Elasticsearch, one being deleted. */
    static FakeRegion serve() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        List<Map<String, Object>> statuses = new ArrayList<>(List.of(status("logs", "OpenSearch_2.11", false, 1),
                status("legacy", "Elasticsearch_7.10", true, 2), status("search", "OpenSearch_2.11", true, 3)));
        for (String name : List.of("d4", "d5", "d6", "gone")) {
            statuses.add(status(name, "OpenSearch_2.11", true, 3));
        }
        r.answer("opensearch", "ListDomainNames", Map.of("DomainNames", statuses.stream().map(s -> Map.of(
                "DomainName", s.get("DomainName"), "EngineType",
                s.get("EngineVersion").toString().startsWith("Elasticsearch") ? "Elasticsearch" : "OpenSearch")).toList()));
        r.batch("opensearch", "DescribeDomains", "DomainNames", "DomainStatusList", "DomainName", statuses);
        for (Map<String, Object> s : statuses) {
            r.answer("opensearch", "ListTags", "ARN", s.get("ARN"), Map.of("TagList",
                    List.of(Map.of("Key", "team", "Value", "t-" + s.get("DomainName")))));
        }
        return r;
    }

    @Test
    void domainsAreDescribedInBatchesOfFiveAndShapedAsCloudFormationWithoutTagsUnlessWanted() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE, ELASTICSEARCH);

        assertThat(run.ofType(TYPE)).extracting(r -> r.name())
                .containsExactlyInAnyOrder("logs", "legacy", "search", "d4", "d5", "d6");
        assertThat(run.ofType(ELASTICSEARCH)).isEmpty();
        assertThat(PlainTrees.of(run.get(ARN + "legacy"))).isEqualTo(Map.of("DomainName", "legacy",
                "EngineVersion", "Elasticsearch_7.10",
                "ClusterConfig", Map.of("InstanceType", "r6g.large.search", "InstanceCount", 2L,
                        "DedicatedMasterEnabled", false, "ZoneAwarenessEnabled", true,
                        "ZoneAwarenessConfig", Map.of("AvailabilityZoneCount", 3L), "WarmEnabled", false,
                        "MultiAZWithStandbyEnabled", false),
                "EBSOptions", Map.of("EBSEnabled", true, "VolumeType", "gp3", "VolumeSize", 100L),
                "VPCOptions", Map.of("SubnetIds", List.of(PlainTrees.Ref.to("subnet-a", "AWS::EC2::Subnet"),
                        PlainTrees.Ref.to("subnet-b", "AWS::EC2::Subnet")),
                        "SecurityGroupIds", List.of(PlainTrees.Ref.to("sg-1", "AWS::EC2::SecurityGroup")))));
        assertThat(PlainTrees.at(run.get(ARN + "logs"), "ClusterConfig/ZoneAwarenessConfig")).isNull();
        assertThat(run.get(ARN + "logs").identifiers()).containsEntry("logs", "").containsEntry(ARN + "logs", "Arn")
                .containsEntry(ACCOUNT + "/logs", "Id");
        assertThat(run.resources()).allSatisfy(r -> assertThat(r.unread()).isEmpty());
        assertThat(FAKE.calls().count("opensearch", "ListDomainNames")).isEqualTo(1);
        assertThat(FAKE.calls().count("opensearch", "DescribeDomains")).isEqualTo(2);
        assertThat(FAKE.calls().count("opensearch", "ListTags")).isZero();
    }

    @Test
    void withTagsEachDomainsTagsAreListedAndADeniedListingLeavesOnlyItsTagsUnknown() {
        serve().fail("opensearch", "ListTags", "ARN", ARN + "search", new AwsError("AccessDeniedException", 403, "no"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, true).complete(TYPE, ELASTICSEARCH);

        assertThat(PlainTrees.at(run.get(ARN + "logs"), "Tags")).isEqualTo(List.of(Map.of("Key", "team", "Value", "t-logs")));
        assertThat(PlainTrees.at(run.get(ARN + "search"), "ClusterConfig/InstanceCount")).isEqualTo(3L);
        assertThat(PropertyLines.of(run.get(ARN + "search").properties())).contains("Tags = unknown ACCESS_DENIED");
        assertThat(run.get(ARN + "search").unread()).isEmpty();
        assertThat(FAKE.calls().count("opensearch", "ListTags")).isEqualTo(6);
        assertThat(collector.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void aFailedDescriptionKeepsTheDomainsOfItsBatchByNameUnread() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("opensearch", "DescribeDomains")
                .times(1));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE, ELASTICSEARCH);

        List<String> unread = run.ofType(TYPE).stream().filter(r -> r.unread().isPresent()).map(r -> r.name()).toList();
        assertThat(unread).hasSizeBetween(2, 5);
        assertThat(run.ofType(TYPE)).filteredOn(r -> r.unread().isPresent()).allSatisfy(r -> {
            assertThat(PlainTrees.of(r)).isEqualTo(Map.of("DomainName", r.name()));
            assertThat(r.unread().get().reason()).isEqualTo(Value.Reason.ACCESS_DENIED);
            assertThat(r.unread().get().detail()).contains("DescribeDomains");
        });
        assertThat(run.ofType(TYPE)).filteredOn(r -> r.unread().isEmpty()).allSatisfy(r ->
                assertThat(PlainTrees.at(r, "ClusterConfig/InstanceCount")).isNotNull());
    }

    @Test
    void aDeniedDescriptionLeavesAz09NotEvaluatedForItsDomainsAndJudgesTheOthers() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("opensearch", "DescribeDomains"));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(ScanOfOne.findings(results)).noneMatch(f -> f.startsWith("AZ09"));
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("AZ09")).hasSize(7).allSatisfy(n -> {
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("DescribeDomains");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }

    @Test
    void az09JudgesEveryDomainWhateverItsEngine() {
        serve();

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(ScanOfOne.findings(results)).filteredOn(f -> f.startsWith("AZ09"))
                .containsExactly("AZ09 " + ARN + "legacy", "AZ09 " + ARN + "logs");
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("AZ09")).extracting(f -> f.message())
                .containsExactlyInAnyOrder("OpenSearch domain logs does not survive the loss of an Availability Zone: "
                        + "ZoneAwarenessEnabled is false and it has 1 data node (InstanceCount: 1); set "
                        + "ZoneAwarenessEnabled: true with ZoneAwarenessConfig AvailabilityZoneCount 3 and run at "
                        + "least 3 data nodes", "OpenSearch domain legacy does not survive the loss of an Availability "
                        + "Zone: it has 2 data nodes (InstanceCount: 2); run at least 3 data nodes");
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("AZ09")).isEmpty();
    }

    @Test
    void accessDeniedOnListDomainNamesIsAGapOfBothTypesNamingTheCallAccountAndRegion() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("opensearch", "ListDomainNames"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        for (String type : List.of(TYPE, ELASTICSEARCH)) {
            assertThat(run.gap(type).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(run.gap(type).detail()).contains("ListDomainNames: AccessDeniedException");
        }
        assertThat(run.resources()).isEmpty();

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.findings(results)).noneMatch(f -> f.startsWith("AZ09"));
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("AZ09")).isNotEmpty().allSatisfy(n -> {
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("ListDomainNames");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }
}
