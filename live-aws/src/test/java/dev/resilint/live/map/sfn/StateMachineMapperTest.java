package dev.resilint.live.map.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

class StateMachineMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:states:eu-west-1:111122223333:stateMachine:checkout";
    static final StateMachineListItem ITEM = StateMachineListItem.builder().stateMachineArn(ARN).name("checkout")
            .type(StateMachineType.STANDARD).build();
    static final String DEFINITION = "{\"StartAt\":\"Pay\",\"States\":{\"Pay\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:lambda:eu-west-1:111122223333:function:pay\",\"End\":true}}}";

    @Test
    void theDefinitionIsTheDefinitionStringUnchanged() {
        LiveResource m = StateMachineMapper.map(SCOPE, ITEM, DescribeStateMachineResponse.builder().stateMachineArn(ARN)
                .name("checkout").type(StateMachineType.STANDARD).definition(DEFINITION)
                .roleArn("arn:aws:iam::111122223333:role/checkout")
                .loggingConfiguration(l -> l.level(LogLevel.ERROR).includeExecutionData(false).destinations(d -> d
                        .cloudWatchLogsLogGroup(g -> g.logGroupArn("arn:aws:logs:eu-west-1:111122223333:log-group:sfn:*"))))
                .tracingConfiguration(t -> t.enabled(true)).build(),
                TagLookup.of(Map.of(ARN, Map.of("team", "shop"))));

        assertThat(m.type()).isEqualTo("AWS::StepFunctions::StateMachine");
        assertThat(m.name()).isEqualTo("checkout");
        assertThat(PropsText.of(m.properties())).isEqualTo("{StateMachineName: \"checkout\", StateMachineType: \"STANDARD\", "
                + "DefinitionString: \"" + DEFINITION + "\", RoleArn: \"arn:aws:iam::111122223333:role/checkout\", "
                + "LoggingConfiguration: {Level: \"ERROR\", IncludeExecutionData: false, Destinations: [{CloudWatchLogsLogGroup: "
                + "{LogGroupArn: \"arn:aws:logs:eu-west-1:111122223333:log-group:sfn:*\"}}]}, "
                + "TracingConfiguration: {Enabled: true}, Tags: [{Key: \"team\", Value: \"shop\"}]}");
        assertThat(m.identifiers()).containsExactly(Map.entry(ARN, ""));
    }

    @Test
    void withoutDetailsTheNameAndTypeOfTheListRemain() {
        assertThat(PropsText.of(StateMachineMapper.map(SCOPE, ITEM, null, TagLookup.none()).properties()))
                .isEqualTo("{StateMachineName: \"checkout\", StateMachineType: \"STANDARD\"}");
    }
}
