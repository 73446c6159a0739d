package dev.resilint.infra.rules.mq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateMachineTaskWithoutTimeoutTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Seconds: {Type: Number}
              Mode: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Mode, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** The findings, which must be the ones that {@code # expect} markers in {@code yaml} name. */
    private static List<Finding> check(String yaml) {
        return Expect.findings(new StateMachineTaskWithoutTimeout(), yaml);
    }

    /** A state machine whose {@code Definition} has the given states (line 16 is the first state's key). */
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

    @Test
    void firesOnACallbackTaskWithoutTimeoutAndPointsAtTheState() {
        List<Finding> findings = definition("""
                First:  # expect MQ08
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke.waitForTaskToken
                  Parameters: {FunctionName: my-function, Payload: {token.$: $$.Task.Token}}
                  End: true
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MQ08");
            assertThat(f.message()).isEqualTo("Task state 'First' of state machine Flow waits for a task token "
                    + "callback (.waitForTaskToken) without TimeoutSeconds (not set: no timeout, the task may wait as "
                    + "long as the execution runs, up to a year): a lost worker or callback stalls the execution "
                    + "without failing it; set TimeoutSeconds (or HeartbeatSeconds) and catch States.Timeout");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Flow/Properties/Definition/States/First");
            assertThat(loc.line()).isEqualTo(16);
            assertThat(loc.column()).isEqualTo(11);
        });
    }

    @Test
    void firesOnSyncJobsAndActivitiesAlsoNested() {
        List<Finding> findings = check(HEADER + """
                  Worker: {Type: AWS::StepFunctions::Activity, Properties: {Name: worker}}
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition:
                        StartAt: Fan
                        States:
                          Fan:
                            Type: Parallel
                            End: true
                            Branches:
                              - StartAt: Job
                                States:
                                  Job:  # expect MQ08
                                    Type: Task
                                    Resource: arn:aws:states:::ecs:runTask.sync
                                    End: true
                              - StartAt: Manual
                                States:
                                  Manual:  # expect MQ08
                                    Type: Task
                                    Resource: !Ref Worker
                                    End: true
                              - StartAt: Literal
                                States:
                                  Literal:  # expect MQ08
                                    Type: Task
                                    Resource: arn:aws:states:eu-west-1:123456789012:activity:review
                                    End: true
                """);
        assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .startsWith("Task state 'Job' (in 'Fan') of state machine Flow waits for its job to finish (.sync)"))
                .anySatisfy(m -> assertThat(m).contains("'Manual' (in 'Fan') of state machine Flow waits for an "
                        + "activity worker"));
    }

    @Test
    void quietWithATimeoutOrHeartbeatOrForRequestResponseTasks() {
        definition("""
                First:
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke.waitForTaskToken
                  TimeoutSeconds: 3600
                  Next: Second
                Second:
                  Type: Task
                  Resource: arn:aws:states:::glue:startJobRun.sync
                  TimeoutSecondsPath: $.timeout
                  Next: Third
                Third:
                  Type: Task
                  Resource: arn:aws:states:eu-west-1:123456789012:activity:review
                  HeartbeatSeconds: 60
                  Next: Fourth
                Fourth:
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke
                  Next: Fifth
                Fifth:
                  Type: Task
                  Resource: arn:aws:lambda:eu-west-1:123456789012:function:charge
                  Next: Sixth
                Sixth:
                  Type: Task
                  Resource: arn:aws:states:::sqs:sendMessage
                  End: true
                """);
        check(HEADER + """
                  Fn: {Type: AWS::Lambda::Function, Properties: {Role: r, Code: {ZipFile: x}}}
                  FnVersion: {Type: AWS::Lambda::Version, Properties: {FunctionName: !Ref Fn}}
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition:
                        StartAt: A
                        States:
                          A: {Type: Task, Resource: !Ref FnVersion, Next: B}
                          B: {Type: Task, Resource: !GetAtt Fn.Arn, End: true}
                """);
    }

    @Test
    void quietWhenTheDeciderIsUnknown() {
        definition("""
                First:
                  Type: Task
                  Resource: arn:aws:states:::ecs:runTask.sync
                  TimeoutSeconds: !Ref Seconds
                  Next: Second
                Second:
                  Type: !If [Prod, Task, Pass]
                  Resource: arn:aws:states:::ecs:runTask.sync
                  Next: Third
                Third:
                  Type: Task
                  Resource: !If [Prod, arn:aws:states:::ecs:runTask.sync, arn:aws:states:::ecs:runTask]
                  End: true
                """);
        check(HEADER + """
                  Elsewhere:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionS3Location: {Bucket: b, Key: flow.json}
                """);
    }

    @Test
    void definitionStringsWithSubstitutions() {
        List<Finding> findings = check(HEADER + """
                  Worker: {Type: AWS::StepFunctions::Activity, Properties: {Name: worker}}
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionSubstitutions: {WorkerArn: !Ref Worker}
                      DefinitionString: |  # expect MQ08 MQ08
                        {"StartAt": "A", "States": {
                          "A": {"Type": "Task", "Resource": "${WorkerArn}", "Next": "B"},
                          "B": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2", "Next": "C"},
                          "C": {"Type": "Task", "Resource": "${Unknown}", "End": true}}}
                """);
        assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .contains("'B' of state machine Flow waits for its job to finish (.sync:2)"));
        assertThat(findings).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void quietForExpressStateMachinesAndMachinesNeverCreated() {
        check(HEADER + """
                  Fast:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      StateMachineType: EXPRESS
                      Definition:
                        StartAt: A
                        States: {A: {Type: Task, Resource: arn:aws:states:::lambda:invoke.waitForTaskToken, End: true}}
                  Gone:
                    Type: AWS::StepFunctions::StateMachine
                    Condition: Never
                    Properties:
                      Definition:
                        StartAt: A
                        States: {A: {Type: Task, Resource: arn:aws:states:::lambda:invoke.waitForTaskToken, End: true}}
                """);
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
                        StartAt: Approve
                        States:
                          Approve:  # expect MQ08
                            Type: Task
                            Resource: arn:aws:states:::sqs:sendMessage.waitForTaskToken
                            Parameters: {QueueUrl: q, MessageBody: {token.$: $$.Task.Token}}
                            End: true
                """;
        assertThat(Expect.analyzed(dir, sam, "MQ08")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'Approve' of state machine Flow waits"));
        assertThat(Expect.analyzed(dir, sam.replace("  # expect MQ08", "").replace("End: true",
                "End: true\n" + " ".repeat(12) + "TimeoutSeconds: 86400"), "MQ08")).isEmpty();
    }
}
