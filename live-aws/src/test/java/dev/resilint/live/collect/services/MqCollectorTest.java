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

class MqCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-central-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String TYPE = "AWS::AmazonMQ::Broker";
    static final String ARN = "arn:aws:mq:eu-central-1:222233334444:broker:";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final MqCollector collector = new MqCollector();

    static Map<String, Object> summary(String name, String mode, String engine) {
        return Map.of("BrokerArn", ARN + name + ":b-" + name, "BrokerId", "b-" + name, "BrokerName", name,
                "DeploymentMode", mode, "EngineType", engine, "HostInstanceType", "mq.m5.large");
    }

    static FakeRegion serve() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        r.items("mq", "ListBrokers", List.of(summary("a", "SINGLE_INSTANCE", "ACTIVEMQ"),
                summary("b", "ACTIVE_STANDBY_MULTI_AZ", "ACTIVEMQ"), summary("c", "CLUSTER_MULTI_AZ", "RABBITMQ")));
        for (String name : List.of("a", "b", "c")) {
            r.answer("mq", "DescribeBroker", "BrokerId", "b-" + name, Map.of("BrokerArn", ARN + name + ":b-" + name,
                    "BrokerId", "b-" + name, "BrokerName", name, "DeploymentMode", "SINGLE_INSTANCE",
                    "EngineType", "ACTIVEMQ", "SubnetIds", List.of("subnet-" + name),
                    "Tags", Map.of("team", "t-" + name)));
        }
        return r;
    }

    @Test
    void brokersArePagedAndJudgedOnTheirSummariesWithoutADescriptionWhenNoRuleReadsTags() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE);

        assertThat(run.ofType(TYPE)).extracting(r -> r.name()).containsExactly("a", "b", "c");
        assertThat(PlainTrees.of(run.get(ARN + "a:b-a"))).isEqualTo(Map.of("BrokerName", "a",
                "DeploymentMode", "SINGLE_INSTANCE", "EngineType", "ACTIVEMQ", "HostInstanceType", "mq.m5.large"));
        assertThat(PlainTrees.at(run.get(ARN + "c:b-c"), "DeploymentMode")).isEqualTo("CLUSTER_MULTI_AZ");
        assertThat(run.get(ARN + "a:b-a").unread()).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo(Value.Reason.NOT_COLLECTED));
        assertThat(run.get(ARN + "a:b-a").identifiers()).containsEntry("b-a", "").containsEntry(ARN + "a:b-a", "Arn");
        assertThat(FAKE.calls().count("mq", "ListBrokers")).isEqualTo(2);
        assertThat(FAKE.calls().count("mq", "DescribeBroker")).isZero();
    }

    @Test
    void withTagsEachBrokerIsDescribedAndADeniedDescriptionKeepsTheSummary() {
        serve().fail("mq", "DescribeBroker", "BrokerId", "b-c", new AwsError("ForbiddenException", 403, "no"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, true).complete(TYPE);

        assertThat(PlainTrees.at(run.get(ARN + "a:b-a"), "Tags")).isEqualTo(List.of(Map.of("Key", "team", "Value", "t-a")));
        assertThat(run.get(ARN + "a:b-a").unread()).isEmpty();
        assertThat(run.get(ARN + "c:b-c").unread()).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(PlainTrees.at(run.get(ARN + "c:b-c"), "DeploymentMode")).isEqualTo("CLUSTER_MULTI_AZ");
        assertThat(FAKE.calls().count("mq", "DescribeBroker")).isEqualTo(3);
        assertThat(collector.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void accessDeniedOnListBrokersIsAGapNamingTheAction() {
        serve();
        FAKE.inject(Fault.error(new AwsError("ForbiddenException", 403, "no")).on("mq", "ListBrokers"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        assertThat(run.gap(TYPE).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(TYPE).detail()).contains("ListBrokers: ForbiddenException");
        assertThat(run.resources()).isEmpty();
    }
}
