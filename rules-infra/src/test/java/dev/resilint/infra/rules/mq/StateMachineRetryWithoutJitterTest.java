package dev.resilint.infra.rules.mq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateMachineRetryWithoutJitterTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Attempts: {Type: Number}
              Mode: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Mode, prod]
            Resources:
            """;

    /** The findings, which must be the ones that {@code # expect} markers in {@code yaml} name. */
    private static List<Finding> check(String yaml) {
        return Expect.findings(new StateMachineRetryWithoutJitter(), yaml);
    }

    /** A state machine whose {@code Definition} has the given states (line 15 is the first state's key). */
    private static List<Finding> definition(String states) {
        return check(HEADER + """
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      RoleArn: arn:aws:iam::123456789012:role/sfn
                      Definition:
                        StartAt: First
                        States:
                """ + states.indent(10));
    }

    private static List<String> paths(List<Finding> findings) {
        return findings.stream().map(f -> ((Location.Template) f.location()).logicalPath()).toList();
    }

    @Test
    void firesOnATaskWithoutRetryAndPointsAtTheState() {
        List<Finding> findings = definition("""
                First:  # expect MQ07
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke
                  Parameters: {FunctionName: my-function}
                  End: true
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MQ07");
            assertThat(f.message()).startsWith("Task state 'First' of state machine Flow has no Retry")
                    .contains("JitterStrategy: FULL");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Flow/Properties/Definition/States/First");
            assertThat(loc.column()).isEqualTo(11);
        });
    }

    @Test
    void firesOnARetryWithoutJitterAndPointsAtTheRetry() {
        List<Finding> findings = definition("""
                First:
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke
                  Retry:
                    - ErrorEquals: [States.Timeout]
                      MaxAttempts: 0
                    - ErrorEquals: [Lambda.ServiceException, Lambda.TooManyRequestsException]  # expect MQ07
                      IntervalSeconds: 2
                      BackoffRate: 2
                  End: true
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Task state 'First' of state machine Flow retries up to 3 times "
                    + "(MaxAttempts defaults to 3) without JitterStrategy (retrier 2, Lambda.ServiceException, "
                    + "Lambda.TooManyRequestsException): executions that fail together retry in lockstep; add "
                    + "JitterStrategy: FULL");
            assertThat(((Location.Template) f.location()).logicalPath()) // the second retrier itself
                    .isEqualTo("Resources/Flow/Properties/Definition/States/First/Retry/1");
        });
        assertThat(definition("""
                First:
                  Type: Task
                  Resource: arn:aws:states:::sqs:sendMessage
                  Retry: [{ErrorEquals: [States.ALL], MaxAttempts: 5, JitterStrategy: NONE}]  # expect MQ07
                  End: true
                """)).singleElement().satisfies(f -> assertThat(f.message())
                        .contains("retries up to 5 times with JitterStrategy: NONE (retrier 1, States.ALL)"));
    }

    @Test
    void quietWithFullJitterOrAtMostOneRetry() {
        assertThat(definition("""
                First:
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke
                  Retry:
                    - {ErrorEquals: [States.ALL], MaxAttempts: 6, BackoffRate: 2, JitterStrategy: FULL}
                    - {ErrorEquals: [States.Timeout], MaxAttempts: 1}
                    - {ErrorEquals: [Custom.Error], MaxAttempts: 0}
                  Next: Wait
                Wait: {Type: Wait, Seconds: 5, Next: Done}
                Done: {Type: Succeed}
                """)).isEmpty();
    }

    @Test
    void oneFindingPerTaskStateIncludingNestedOnes() {
        List<Finding> findings = definition("""
                First:
                  Type: Parallel
                  Branches:
                    - StartAt: A
                      States:
                        A: {Type: Task, Resource: arn:aws:states:::sns:publish, End: true}  # expect MQ07
                    - StartAt: B
                      States:
                        B: {Type: Pass, End: true}
                  Next: Each
                Each:
                  Type: Map
                  ItemProcessor:
                    StartAt: C
                    States:
                      C: {Type: Task, Resource: arn:aws:states:::dynamodb:putItem, End: true}  # expect MQ07
                  Next: Old
                Old:
                  Type: Map
                  Iterator:
                    StartAt: D
                    States:
                      D: {Type: Task, Resource: arn:aws:states:::dynamodb:putItem, End: true}  # expect MQ07
                  End: true
                """);
        assertThat(paths(findings)).containsExactly(
                "Resources/Flow/Properties/Definition/States/First/Branches/0/States/A",
                "Resources/Flow/Properties/Definition/States/Each/ItemProcessor/States/C",
                "Resources/Flow/Properties/Definition/States/Old/Iterator/States/D");
        assertThat(findings.get(0).message()).startsWith("Task state 'A' (in 'First') of state machine Flow");
        // a state inside a Parallel branch or a Map is located at its own key
        assertThat(findings).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void definitionStringPlainSubAndJoin() {
        String plain = HEADER + """
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      RoleArn: arn:aws:iam::123456789012:role/sfn
                      DefinitionString: |  # expect MQ07
                        {"StartAt": "A", "States": {
                          "A": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Next": "B"},
                          "B": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true,
                                "Retry": [{"ErrorEquals": ["States.ALL"], "JitterStrategy": "FULL"}]}}}
                """;
        List<Finding> findings = check(plain);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Task state 'A' of state machine Flow has no Retry");
            assertThat(((Location.Template) f.location()).logicalPath())
                    .isEqualTo("Resources/Flow/Properties/DefinitionString");
        });

        String sub = HEADER + """
                  Fn: {Type: AWS::Lambda::Function}
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: !Sub |  # expect MQ07
                        {"StartAt": "A", "States": {
                          "A": {"Type": "Task", "Resource": "${Fn.Arn}", "End": true,
                                "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}]}}}
                """;
        assertThat(check(sub)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'A'").contains("retries up to 2 times"));

        String join = HEADER + """
                  Fn: {Type: AWS::Lambda::Function}
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: !Join  # expect MQ07 MQ07
                        - ''
                        - - '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "'
                          - !GetAtt Fn.Arn
                          - '", "End": true}, "B": {"Type": "Task", "Resource": "'
                          - !GetAtt Fn.Arn
                          - '", "End": true}}}'
                """;
        List<Finding> both = check(join);
        assertThat(both).extracting(Finding::message).allSatisfy(m -> assertThat(m).contains("has no Retry"));
        assertThat(both).hasSize(2).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void quietWhenTheDeciderIsUnknown() {
        assertThat(definition("""
                First:
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke
                  Retry: [{ErrorEquals: [States.ALL], MaxAttempts: !Ref Attempts}]
                  Next: Second
                Second:
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke
                  Retry: !If [Prod, [{ErrorEquals: [States.ALL], JitterStrategy: FULL}], []]
                  Next: Third
                Third:
                  Type: !If [Prod, Task, Pass]
                  End: true
                """)).isEmpty();
        assertThat(check(HEADER + """
                  Elsewhere:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionS3Location: {Bucket: b, Key: flow.json}
                  Imported:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: !ImportValue flow-definition
                """)).isEmpty();
    }

    @Test
    void skipsStateMachinesThatAreNeverCreated() {
        assertThat(check(HEADER.replace("Conditions:\n",
                "Conditions:\n  Never: !Equals [a, b]\n") + """
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Condition: Never
                    Properties:
                      Definition:
                        StartAt: A
                        States: {A: {Type: Task, Resource: arn:aws:states:::sns:publish, End: true}}
                """)).isEmpty();
    }

    @Test
    void samStateMachineThroughTheAnalyzer() {
        String sam = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Flow:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition:
                        StartAt: Charge
                        States:
                          Charge:
                            Type: Task
                            Resource: arn:aws:states:::lambda:invoke
                            Parameters: {FunctionName: !GetAtt Fn.Arn}
                            Retry:
                              - ErrorEquals: [Lambda.ServiceException]  # expect MQ07
                                MaxAttempts: 3
                            End: true
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
                """;
        assertThat(Expect.analyzed(dir, sam, "MQ07")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Task state 'Charge' of state machine Flow retries up to 3 times")); // at the retrier item
        assertThat(Expect.analyzed(dir, sam.replace("  # expect MQ07", "").replace("MaxAttempts: 3",
                "MaxAttempts: 3\n" + " ".repeat(16) + "JitterStrategy: FULL"), "MQ07")).isEmpty();
    }
}
