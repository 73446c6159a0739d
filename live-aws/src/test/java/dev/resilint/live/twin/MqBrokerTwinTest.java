package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four Amazon MQ brokers: a single ActiveMQ broker, a single RabbitMQ broker, an ActiveMQ
 * active/standby pair and a RabbitMQ cluster. AZ10 fires on the two single instances, with the same
 * message, in the template and in the account; a broker list that cannot be read is a gap of that
 * account and region, never a pass.
 */
class MqBrokerTwinTest {

    static final String ACCOUNT = "444455556666";
    static final String REGION = "eu-west-1";
    static final String MQ = "arn:aws:mq:eu-west-1:444455556666:broker:";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Orders:
                Type: AWS::AmazonMQ::Broker
                Properties: {BrokerName: orders, DeploymentMode: SINGLE_INSTANCE, EngineType: ACTIVEMQ,
                             HostInstanceType: mq.m5.large, PubliclyAccessible: false, AutoMinorVersionUpgrade: true,
                             Users: [{Username: app, Password: secret-secret}]}
              Events:
                Type: AWS::AmazonMQ::Broker
                Properties: {BrokerName: events, DeploymentMode: SINGLE_INSTANCE, EngineType: RABBITMQ,
                             HostInstanceType: mq.m5.large, PubliclyAccessible: false, AutoMinorVersionUpgrade: true,
                             Users: [{Username: app, Password: secret-secret}]}
              Payments:
                Type: AWS::AmazonMQ::Broker
                Properties: {BrokerName: payments, DeploymentMode: ACTIVE_STANDBY_MULTI_AZ, EngineType: ACTIVEMQ,
                             HostInstanceType: mq.m5.large, PubliclyAccessible: false, AutoMinorVersionUpgrade: true,
                             Users: [{Username: app, Password: secret-secret}]}
              Audit:
                Type: AWS::AmazonMQ::Broker
                Properties: {BrokerName: audit, DeploymentMode: CLUSTER_MULTI_AZ, EngineType: RABBITMQ,
                             HostInstanceType: mq.m5.large, PubliclyAccessible: false, AutoMinorVersionUpgrade: true,
                             Users: [{Username: app, Password: secret-secret}]}
            """;

    static Map<String, Object> broker(String name, String mode, String engine) {
        return Map.of("BrokerArn", MQ + name + ":b-" + name, "BrokerId", "b-" + name, "BrokerName", name,
                "DeploymentMode", mode, "EngineType", engine, "HostInstanceType", "mq.m5.large",
                "BrokerState", "RUNNING");
    }

    /** The same brokers as the account serves them. */
    static void serve(FakeRegion eu) {
        eu.items("mq", "ListBrokers", List.of(broker("orders", "SINGLE_INSTANCE", "ACTIVEMQ"),
                broker("events", "SINGLE_INSTANCE", "RABBITMQ"), broker("payments", "ACTIVE_STANDBY_MULTI_AZ", "ACTIVEMQ"),
                broker("audit", "CLUSTER_MULTI_AZ", "RABBITMQ")));
    }

    static Twin twin() {
        return Twin.of(TEMPLATE).is("Orders", MQ + "orders:b-orders").is("Events", MQ + "events:b-events")
                .is("Payments", MQ + "payments:b-payments").is("Audit", MQ + "audit:b-audit");
    }

    @Test
    void theTemplateAndTheAccountGetTheSameBrokerFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));

        var findings = twin().assertSame(dir, FAKE, ACCOUNT, REGION);

        assertThat(findings).filteredOn(f -> f.startsWith("AZ10")).containsExactly("AZ10 Events", "AZ10 Orders");
    }

    @Test
    void theLiveMessageIsTheTemplateMessageWithTheBrokerNamedByItsArn() {
        serve(FAKE.account(ACCOUNT).region(REGION));

        Results live = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        Finding events = live.findings().stream().filter(f -> f.ruleId().equals("AZ10"))
                .filter(f -> ((Location.Live) f.location()).arn().equals(MQ + "events:b-events")).findFirst().orElseThrow();
        assertThat(events.message()).contains("runs as a single instance (DeploymentMode: SINGLE_INSTANCE)")
                .contains("set DeploymentMode: CLUSTER_MULTI_AZ (three nodes in three zones)");
        assertThat(((Location.Live) events.location()).account()).isEqualTo(ACCOUNT);
        assertThat(((Location.Live) events.location()).region()).isEqualTo(REGION);
    }

    @Test
    void brokersThatCannotBeListedLeaveAz10NotEvaluatedInThatAccountAndRegionAndPassNothing() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error(new AwsError("ForbiddenException", 403, "User is not authorized to perform: "
                + "mq:ListBrokers")).on("mq", "ListBrokers"));

        Results live = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(live.problems()).isEmpty();
        assertThat(live.findings()).noneMatch(f -> f.ruleId().equals("AZ10"));
        assertThat(live.notEvaluated()).filteredOn(n -> n.ruleId().equals("AZ10")).singleElement().satisfies(n -> {
            assertThat(n.resourceType()).isEqualTo("AWS::AmazonMQ::Broker");
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.scope()).contains(ACCOUNT).contains(REGION);
            assertThat(n.detail()).contains("ListBrokers");
        });
        assertThat(live.notEvaluated()).as("only the rules that read brokers")
                .allSatisfy(n -> assertThat(n.resourceType()).isEqualTo("AWS::AmazonMQ::Broker"));
    }

    @Test
    void aListingThatKeepsFailingWithAServerErrorIsAnErrorGapNotAPass() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error(new AwsError("InternalServerErrorException", 500, "boom")).on("mq", "ListBrokers"));

        Results live = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(live.findings()).noneMatch(f -> f.ruleId().equals("AZ10"));
        assertThat(live.notEvaluated()).filteredOn(n -> n.ruleId().equals("AZ10")).singleElement()
                .satisfies(n -> assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ERROR));
    }
}
