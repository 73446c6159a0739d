package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.sfn.StateMachineMapper;
import dev.resilint.live.twin.Scans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StepFunctionsCollectorTest {

    static final String ACCOUNT = "710987654321";
    static final String REGION = "sa-east-1";
    static final String SM = "arn:aws:states:sa-east-1:710987654321:stateMachine:";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    /** One task without a retry: MQ07 fires on it. */
    static final String NO_RETRY = "{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::sqs:sendMessage\",\"End\":true}}}";

    /** Three state machines m1 to m3, each with a task that does not retry. */
    static FakeRegion serve() {
        FakeRegion sa = FAKE.account(ACCOUNT).region(REGION);
        List<Map<String, Object>> machines = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            machines.add(Map.of("stateMachineArn", SM + "m" + i, "name", "m" + i, "type", "STANDARD",
                    "creationDate", "2025-01-01T00:00:00Z"));
            sa.answer("states", "DescribeStateMachine", "stateMachineArn", SM + "m" + i, Map.of(
                    "stateMachineArn", SM + "m" + i, "name", "m" + i, "type", "STANDARD", "status", "ACTIVE",
                    "definition", NO_RETRY, "roleArn", "arn:aws:iam::710987654321:role/sfn",
                    "creationDate", "2025-01-01T00:00:00Z"));
        }
        sa.items("states", "ListStateMachines", machines);
        return sa;
    }

    @Test
    void readsStateMachinesOverPagesWithOneDescribeEach() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new StepFunctionsCollector(), ACCOUNT, REGION, false);

        assertThat(run.arns()).containsExactly(SM + "m1", SM + "m2", SM + "m3");
        assertThat(PropsText.of(run.resource(SM + "m1").properties())).isEqualTo("{StateMachineName: \"m1\", "
                + "StateMachineType: \"STANDARD\", DefinitionString: \"" + NO_RETRY + "\", "
                + "RoleArn: \"arn:aws:iam::710987654321:role/sfn\"}");
        assertThat(run.completeness().get(StateMachineMapper.TYPE)).isEmpty();
        assertThat(FAKE.calls().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("states:ListStateMachines", 2L,
                "states:DescribeStateMachine", 3L));
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void tagsOnlyWhenARuleReadsThem() {
        serve().handler("states", "ListTagsForResource", input -> Map.of("tags", List.of(Map.of("key", "team",
                "value", "shop"))));

        ScanOfOne run = ScanOfOne.of(FAKE, new StepFunctionsCollector(), ACCOUNT, REGION, true);

        assertThat(FAKE.calls().count("states", "ListTagsForResource")).isEqualTo(3);
        assertThat(PropsText.of(PropsText.at(run.resource(SM + "m2").properties(), "Tags")))
                .isEqualTo("[{Key: \"team\", Value: \"shop\"}]");
    }

    @Test
    void accessDeniedOnListStateMachinesMakesTheTypeAGapForMq07() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "no")).on("states", "ListStateMachines"));

        ScanOfOne run = ScanOfOne.of(FAKE, new StepFunctionsCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources()).isEmpty();
        assertThat(run.completeness().get(StateMachineMapper.TYPE)).hasValueSatisfying(g ->
                assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED));
        var results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.notEvaluated(results))
                .containsExactly("MQ07 AWS::StepFunctions::StateMachine * ACCESS_DENIED",
                        "MQ08 AWS::StepFunctions::StateMachine * ACCESS_DENIED",
                        "TO02 AWS::StepFunctions::StateMachine * ACCESS_DENIED");
        assertThat(results.findings()).isEmpty();
    }

    @Test
    void aDefinitionThatCannotBeReadMakesMq07NotEvaluatedForThatMachineAlone() {
        serve().fail("states", "DescribeStateMachine", "stateMachineArn", SM + "m2",
                        new AwsError("AccessDeniedException", 400, "not on m2"))
                .fail("states", "DescribeStateMachine", "stateMachineArn", SM + "m3",
                        new AwsError("StateMachineDoesNotExist", 400, "gone"));

        ScanOfOne run = ScanOfOne.of(FAKE, new StepFunctionsCollector(), ACCOUNT, REGION, false);

        assertThat(run.arns()).containsExactly(SM + "m1", SM + "m2");
        assertThat(PropsText.of(run.resource(SM + "m2").properties()))
                .isEqualTo("{StateMachineName: \"m2\", StateMachineType: \"STANDARD\"}");
        assertThat(run.resource(SM + "m2").unread()).isPresent();

        var results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.findings(results)).containsExactly("MQ07 " + SM + "m1");
        assertThat(ScanOfOne.notEvaluated(results))
                .containsExactly("MQ07 AWS::StepFunctions::StateMachine " + SM + "m2 ACCESS_DENIED",
                        "MQ08 AWS::StepFunctions::StateMachine " + SM + "m2 ACCESS_DENIED",
                        "TO02 AWS::StepFunctions::StateMachine " + SM + "m2 ACCESS_DENIED");
    }
}
