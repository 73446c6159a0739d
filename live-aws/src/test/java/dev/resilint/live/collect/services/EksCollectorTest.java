package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EksCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "us-west-2";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String TYPE = "AWS::EKS::Cluster";
    static final String ARN = "arn:aws:eks:us-west-2:222233334444:cluster/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final EksCollector collector = new EksCollector();

    static FakeRegion serve() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        r.items("eks", "ListClusters", List.of("a", "b", "c"));
        for (String name : List.of("a", "b", "c")) {
            r.answer("eks", "DescribeCluster", "name", name, Map.of("cluster", Map.of("name", name, "arn", ARN + name,
                    "tags", Map.of("team", "t-" + name))));
        }
        return r;
    }

    @Test
    void namesArePagedAndNoClusterIsDescribedWhenNoRuleReadsTags() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE);

        assertThat(run.ofType(TYPE)).extracting(r -> r.arn()).containsExactly(ARN + "a", ARN + "b", ARN + "c");
        assertThat(run.get(ARN + "a").unread()).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo(Value.Reason.NOT_COLLECTED));
        assertThat(PlainTrees.of(run.get(ARN + "a"))).isEqualTo(Map.of("Name", "a"));
        assertThat(FAKE.calls().count("eks", "ListClusters")).isEqualTo(2);
        assertThat(FAKE.calls().count("eks", "DescribeCluster")).isZero();
    }

    @Test
    void withTagsEachClusterIsDescribedAndADeniedDescriptionKeepsTheClusterUnread() {
        serve().fail("eks", "DescribeCluster", "name", "c", new AwsError("AccessDeniedException", 403, "no"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, true).complete(TYPE);

        assertThat(PlainTrees.at(run.get(ARN + "a"), "Tags")).isEqualTo(List.of(Map.of("Key", "team", "Value", "t-a")));
        assertThat(run.get(ARN + "a").unread()).isEmpty();
        assertThat(run.get(ARN + "c").unread()).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(FAKE.calls().count("eks", "DescribeCluster")).isEqualTo(3);
        assertThat(collector.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void accessDeniedOnListClustersIsAGap() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("eks", "ListClusters"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        assertThat(run.gap(TYPE).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.resources()).isEmpty();
    }
}
