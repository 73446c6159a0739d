package dev.resilint.infra.rules.mq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterRetentionShortTest {

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new DeadLetterRetentionShort(), """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Retention: {Type: Number}
                  Mode: {Type: String}
                Conditions:
                  Prod: !Equals [!Ref Mode, prod]
                  Never: !Equals [a, b]
                Resources:
                """ + resources.indent(2));
    }

    private static final String SOURCE = """
            Orders:
              Type: AWS::SQS::Queue
              Properties:
                RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
            """;

    @Test
    void firesOnADeadLetterQueueWithTheDefaultRetentionAndPointsAtTheQueue() {
        List<Finding> findings = check(SOURCE + "Dlq: {Type: AWS::SQS::Queue}  # expect MQ02\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MQ02");
            assertThat(f.message()).isEqualTo("SQS queue Dlq, the dead-letter queue of Orders, keeps messages for "
                    + "345600 s (4 days) (MessageRetentionPeriod is not set, default 4 days), no longer than its "
                    + "source queue's 345600 s (4 days) (MessageRetentionPeriod is not set, default 4 days): a "
                    + "message keeps its original enqueue time when it moves, so one that failed late expires from "
                    + "the dead-letter queue soon after it arrives; set MessageRetentionPeriod of Dlq above 345600 s "
                    + "(e.g. 1209600, 14 days)");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Dlq/Properties/MessageRetentionPeriod");
            assertThat(loc.line()).isEqualTo(13);
            assertThat(loc.column()).isEqualTo(3);
        });
    }

    @Test
    void firesAtTheRetentionWhenItIsShorterThanTheSource() {
        List<Finding> findings = check("""
                Orders:
                  Type: AWS::SQS::Queue
                  Properties:
                    MessageRetentionPeriod: 1209600
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                Dlq:
                  Type: AWS::SQS::Queue
                  Properties:
                    MessageRetentionPeriod: 86400  # expect MQ02
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("keeps messages for 86400 s (1 day), no longer than its source "
                    + "queue's 1209600 s (14 days)").contains("above 1209600 s");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Dlq/Properties/MessageRetentionPeriod");
            assertThat(loc.column()).isEqualTo(7);
        });
    }

    @Test
    void quietWhenTheDeadLetterQueueKeepsMessagesLonger() {
        assertThat(check(SOURCE + "Dlq: {Type: AWS::SQS::Queue, Properties: {MessageRetentionPeriod: 1209600}}\n"))
                .isEmpty();
        assertThat(check("""
                Orders:
                  Type: AWS::SQS::Queue
                  Properties:
                    MessageRetentionPeriod: 3600
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                Dlq: {Type: AWS::SQS::Queue}
                """)).isEmpty();
    }

    @Test
    void readsRedrivePoliciesWrittenAsJsonStrings() {
        check("""
                Orders:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: !Sub '{"deadLetterTargetArn": "${Dlq.Arn}", "maxReceiveCount": 3}'
                Dlq:
                  Type: AWS::SQS::Queue
                  Properties:
                    MessageRetentionPeriod: '345600'  # expect MQ02
                """);
        check("""
                Orders:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: '{"deadLetterTargetArn": "arn:aws:sqs:eu-west-1:123456789012:elsewhere", "maxReceiveCount": 3}'
                Dlq: {Type: AWS::SQS::Queue}
                """);
    }

    @Test
    void namesTheSourceThatKeepsMessagesLongestOnce() {
        List<Finding> findings = check(SOURCE + """
                Audit:
                  Type: AWS::SQS::Queue
                  Properties:
                    MessageRetentionPeriod: 604800
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                Dlq:
                  Type: AWS::SQS::Queue
                  Properties:
                    MessageRetentionPeriod: 345600  # expect MQ02
                """);
        assertThat(findings.get(0).message()).contains("the dead-letter queue of Audit");
    }

    @Test
    void quietForFifoSourcesWhoseEnqueueTimeResets() {
        check("""
                Orders:
                  Type: AWS::SQS::Queue
                  Properties:
                    FifoQueue: true
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                Dlq: {Type: AWS::SQS::Queue, Properties: {FifoQueue: true}}
                """);
    }

    @Test
    void quietWhenARetentionIsUnknownAndFiresWhenEveryBranchIsTooShort() {
        check(SOURCE + "Dlq: {Type: AWS::SQS::Queue, Properties: {MessageRetentionPeriod: !Ref Retention}}\n");
        check("""
                Orders:
                  Type: AWS::SQS::Queue
                  Properties:
                    MessageRetentionPeriod: !Ref Retention
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                Dlq: {Type: AWS::SQS::Queue}
                """);
        check(SOURCE + "Dlq: {Type: AWS::SQS::Queue, Properties: {MessageRetentionPeriod: "
                + "!If [Prod, 1209600, 60]}}\n");
        List<Finding> findings = check(SOURCE + "Dlq:\n  Type: AWS::SQS::Queue\n  Properties:\n"
                + "    MessageRetentionPeriod: !If [Prod, 345600, 60]  # expect MQ02\n");
        assertThat(findings.get(0).message()).contains("keeps messages for up to 345600 s (4 days), no longer");
    }

    @Test
    void quietWhenTheSourceOrTheDeadLetterQueueIsNeverCreated() {
        check("""
                Orders:
                  Type: AWS::SQS::Queue
                  Condition: Never
                  Properties:
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                Dlq: {Type: AWS::SQS::Queue}
                """);
        check(SOURCE + "Dlq: {Type: AWS::SQS::Queue, Condition: Never}\n");
    }
}
