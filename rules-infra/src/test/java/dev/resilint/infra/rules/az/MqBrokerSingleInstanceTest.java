package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqBrokerSingleInstanceTest {

    private static final String HEAD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Mode: {Type: String}
              DefaultMode: {Type: String, Default: SINGLE_INSTANCE}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              Broker:
            """;

    /** A broker of {@code engine} with {@code attributes} (Condition) and {@code mode} on line 15. */
    private static List<Finding> broker(String engine, String attributes, String mode) {
        return Expect.findings(new MqBrokerSingleInstance(), HEAD + ("""
                Type: AWS::AmazonMQ::Broker
                %sProperties:
                  BrokerName: orders
                  EngineType: %s
                  DeploymentMode: %s
                """.formatted(attributes, engine, mode)).indent(4));
    }

    @Test
    void firesOnASingleInstanceBrokerAtDeploymentMode() {
        List<Finding> findings = broker("RabbitMQ", "", "SINGLE_INSTANCE  # expect AZ10");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("Amazon MQ broker Broker runs as a single instance (DeploymentMode: "
                    + "SINGLE_INSTANCE), so clients cannot connect while that broker or its Availability Zone is "
                    + "down; set DeploymentMode: CLUSTER_MULTI_AZ (three nodes in three zones)");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Broker/Properties/DeploymentMode");
            assertThat(loc.line()).isEqualTo(15);
            assertThat(loc.column()).isEqualTo(7);
        });
        assertThat(broker("ACTIVEMQ", "", "single_instance  # expect AZ10")).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("set DeploymentMode: ACTIVE_STANDBY_MULTI_AZ "
                        + "(a standby in another zone)"));
        assertThat(broker("!Ref Env", "", "SINGLE_INSTANCE  # expect AZ10")).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("(ActiveMQ) or CLUSTER_MULTI_AZ (RabbitMQ)"));
        assertThat(broker("ActiveMQ", "", "!Ref DefaultMode  # expect AZ10")).hasSize(1);
        assertThat(broker("ActiveMQ", "", "!If [Prod, SINGLE_INSTANCE, SINGLE_INSTANCE]  # expect AZ10")).hasSize(1);
    }

    @Test
    void quietOnMultiAzModes() {
        assertThat(broker("ActiveMQ", "", "ACTIVE_STANDBY_MULTI_AZ")).isEmpty();
        assertThat(broker("RabbitMQ", "", "CLUSTER_MULTI_AZ")).isEmpty();
    }

    @Test
    void quietWhenTheModeCannotBeKnown() {
        assertThat(broker("ActiveMQ", "", "!Ref Mode")).isEmpty();
        assertThat(broker("ActiveMQ", "", "!ImportValue broker-mode")).isEmpty();
        assertThat(broker("ActiveMQ", "", "!If [Prod, ACTIVE_STANDBY_MULTI_AZ, SINGLE_INSTANCE]")).isEmpty();
        assertThat(broker("ActiveMQ", "", "!Ref AWS::NoValue")).isEmpty();
    }

    @Test
    void quietWhenTheBrokerIsNeverCreated() {
        assertThat(broker("ActiveMQ", "Condition: Never\n", "SINGLE_INSTANCE")).isEmpty();
        assertThat(broker("ActiveMQ", "Condition: Prod\n", "SINGLE_INSTANCE  # expect AZ10")).hasSize(1);
    }
}
