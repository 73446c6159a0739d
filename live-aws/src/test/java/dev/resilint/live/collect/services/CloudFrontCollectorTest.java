package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.rules.ca.CloudFrontCacheWithoutTtl;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudFrontCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final Scope GLOBAL = new Scope(ACCOUNT, Scope.GLOBAL);
    static final String DISTRIBUTION = "AWS::CloudFront::Distribution";
    static final String POLICY = "AWS::CloudFront::CachePolicy";
    static final String ARN = "arn:aws:cloudfront::222233334444:distribution/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final CloudFrontCollector collector = new CloudFrontCollector();

    static Map<String, Object> distribution(String id, Map<String, Object> behavior) {
        return Map.of("Id", id, "ARN", ARN + id, "DomainName", id.toLowerCase() + ".cloudfront.net", "Enabled", true,
                "Origins", Map.of("Items", List.of(Map.of("Id", "o", "DomainName", "origin.example.com"))),
                "DefaultCacheBehavior", behavior);
    }

    /** Three distributions and three custom policies (two pages each), in us-east-1 where CloudFront is called. */
    static List<Map<String, Object>> serve() {
        FakeRegion us = FAKE.account(ACCOUNT).region("us-east-1");
        us.items("cloudfront", "ListDistributions", List.of(
                distribution("E1", Map.of("TargetOriginId", "o", "CachePolicyId", "cp-1")),
                distribution("E2", Map.of("TargetOriginId", "o", "MinTTL", 0)),
                distribution("E3", Map.of("TargetOriginId", "o", "MinTTL", 0, "DefaultTTL", 86400, "MaxTTL", 31536000))));
        List<Map<String, Object>> inputs = new CopyOnWriteArrayList<>();
        List<Object> policies = List.of(policy("cp-1", 1, 60, 3600), policy("cp-2", 3600, 60, 86400),
                policy("cp-3", 0, 0, 0));
        us.listHandler("cloudfront", "ListCachePolicies", input -> {
            inputs.add(input);
            return policies;
        });
        for (String id : List.of("E1", "E2", "E3")) {
            us.answer("cloudfront", "ListTagsForResource", "Resource", ARN + id, Map.of("Tags", Map.of("Items",
                    List.of(Map.of("Key", "team", "Value", "edge-" + id)))));
        }
        return inputs;
    }

    static Map<String, Object> policy(String id, long min, long dflt, long max) {
        return Map.of("Type", "custom", "CachePolicy", Map.of("Id", id, "LastModifiedTime", "2024-01-01T00:00:00Z",
                "CachePolicyConfig", Map.of("Name", id, "MinTTL", min, "DefaultTTL", dflt, "MaxTTL", max)));
    }

    @Test
    void distributionsAndTheAccountsOwnCachePoliciesAreReadOnceInUsEast1() {
        List<Map<String, Object>> policyInputs = serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, GLOBAL, false).complete(DISTRIBUTION, POLICY);

        assertThat(run.ofType(DISTRIBUTION)).extracting(r -> r.arn()).containsExactly(ARN + "E1", ARN + "E2", ARN + "E3");
        assertThat(run.ofType(POLICY)).hasSize(3);
        assertThat(policyInputs).isNotEmpty().allSatisfy(i -> assertThat(i.get("Type")).isEqualTo("custom"));
        assertThat(PlainTrees.at(run.get(ARN + "E2"), "DistributionConfig/DefaultCacheBehavior"))
                .isEqualTo(Map.of("TargetOriginId", "o", "MinTTL", 0L));
        var calls = FAKE.calls();
        assertThat(calls.calls()).allSatisfy(c -> assertThat(c.region()).isEqualTo("us-east-1"));
        assertThat(calls.count("cloudfront", "ListDistributions")).isEqualTo(2);
        assertThat(calls.count("cloudfront", "ListCachePolicies")).isEqualTo(2);
        assertThat(calls.count("cloudfront", "ListTagsForResource")).isZero();
        assertThat(collector.global()).isTrue();
        assertThat(collector.actions()).containsAll(calls.iamActions());
    }

    @Test
    void accessDeniedOnListDistributionsLeavesTheCachePoliciesRead() {
        serve();
        FAKE.inject(Fault.error("AccessDenied", 403).on("cloudfront", "ListDistributions"));

        CollectorRun run = CollectorRun.of(FAKE, collector, GLOBAL, false).complete(POLICY);

        assertThat(run.gap(DISTRIBUTION).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.ofType(POLICY)).hasSize(3);
    }

    @Test
    void deniedTagsLeaveOnlyTheTagsUnknownAndCa01StillJudgesTheDistribution() {
        serve();
        FAKE.account(ACCOUNT).region("us-east-1").fail("cloudfront", "ListTagsForResource", "Resource", ARN + "E2",
                new AwsError("AccessDenied", 403, "no tags"));

        CollectorRun run = CollectorRun.of(FAKE, collector, GLOBAL, true).complete(DISTRIBUTION, POLICY);
        Results results = run.judge(List.of(new CloudFrontCacheWithoutTtl()));

        assertThat(PlainTrees.at(run.get(ARN + "E1"), "Tags")).isEqualTo(List.of(Map.of("Key", "team", "Value", "edge-E1")));
        assertThat(run.get(ARN + "E2").properties().get("Tags")).hasValueSatisfying(t -> assertThat(
                Symbols.isSymbolic((dev.resilint.core.tree.ScalarNode) t)).isTrue());
        assertThat(run.get(ARN + "E2").unread()).isEmpty();
        assertThat(FAKE.calls().count("cloudfront", "ListTagsForResource")).isEqualTo(3);
        // E2's legacy behavior has no DefaultTTL; cp-2's MinTTL is above its DefaultTTL
        assertThat(results.findings()).extracting(f -> f.location().subject())
                .containsExactlyInAnyOrder(ARN + "E2", "arn:aws:cloudfront::222233334444:cache-policy/cp-2");
        assertThat(results.notEvaluated()).isEmpty();
    }
}
