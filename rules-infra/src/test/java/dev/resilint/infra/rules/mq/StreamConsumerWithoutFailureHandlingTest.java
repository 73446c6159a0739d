package dev.resilint.infra.rules.mq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamConsumerWithoutFailureHandlingTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Retries: {Type: Number}
              SourceArn: {Type: String}
              Mode: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Mode, prod]
              Never: !Equals [a, b]
            Resources:
              Orders: {Type: AWS::Kinesis::Stream, Properties: {ShardCount: 1}}
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  BillingMode: PAY_PER_REQUEST
                  StreamSpecification: {StreamViewType: NEW_IMAGE}
              Failures: {Type: AWS::SQS::Queue}
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: index.handler
                  Runtime: nodejs20.x
                  Role: arn:aws:iam::123456789012:role/fn
                  Code: {ZipFile: 'exports.handler = async () => 1'}
            """;

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new StreamConsumerWithoutFailureHandling(), HEAD + resources.indent(2));
    }

    private static String mapping(String source, String extra) {
        return "Mapping:\n  Type: AWS::Lambda::EventSourceMapping\n  Properties:\n"
                + ("FunctionName: !Ref Worker\nEventSourceArn: " + source + "\nStartingPosition: LATEST\n" + extra)
                        .indent(4);
    }

    @Test
    void firesOnAKinesisMappingWithDefaultRetriesAndPointsAtIt() {
        List<Finding> findings = check(mapping("!GetAtt Orders.Arn", "")
                .replace("  Properties:\n", "  Properties:  # expect MQ05\n"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MQ05");
            assertThat(f.message()).isEqualTo("Lambda event source mapping Mapping reads Kinesis stream Orders with "
                    + "MaximumRetryAttempts not set (default -1, infinite), "
                    + "MaximumRecordAgeInSeconds not set (default -1, infinite) and no DestinationConfig.OnFailure: "
                    + "one record the function cannot process blocks its shard until it expires from the stream, "
                    + "and is then lost; set MaximumRetryAttempts (e.g. 3), BisectBatchOnFunctionError: true and an "
                    + "on-failure destination (an SQS queue, SNS topic or S3 bucket)");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Mapping/Properties/MaximumRetryAttempts");
            assertThat(loc.line()).isEqualTo(28);
            assertThat(loc.column()).isEqualTo(5);
        });
    }

    @Test
    void firesOnDynamoDbStreamsAndLiteralArnsAndBisectAloneDoesNotHelp() {
        List<Finding> findings = check(mapping("!GetAtt Table.StreamArn",
                "MaximumRetryAttempts: -1  # expect MQ05\nBisectBatchOnFunctionError: true\n"));
        assertThat(findings.get(0).message()).contains("reads the stream of DynamoDB table Table with "
                + "MaximumRetryAttempts -1 (infinite), MaximumRecordAgeInSeconds not set")
                .contains("(BisectBatchOnFunctionError only narrows the retries down to it)");
        assertThat(check(mapping("arn:aws:dynamodb:eu-west-1:123456789012:table/Carts/stream/2024-01-01T00:00:00.000",
                "MaximumRetryAttempts: -1  # expect MQ05\n")).get(0).message())
                .contains("reads the stream of DynamoDB table Carts");
        assertThat(check(mapping("arn:aws:kinesis:eu-west-1:123456789012:stream/clicks",
                "MaximumRecordAgeInSeconds: -1\nMaximumRetryAttempts: -1  # expect MQ05\n")).get(0).message())
                .contains("reads Kinesis stream clicks");
    }

    @Test
    void quietWithBoundedRetriesOrAnOnFailureDestination() {
        check(mapping("!GetAtt Orders.Arn", "MaximumRetryAttempts: 3\n"));
        check(mapping("!GetAtt Orders.Arn", "MaximumRetryAttempts: 0\n"));
        check(mapping("!GetAtt Orders.Arn", "MaximumRecordAgeInSeconds: 3600\n"));
        check(mapping("!GetAtt Orders.Arn", "DestinationConfig: {OnFailure: {Destination: !GetAtt Failures.Arn}}\n"));
    }

    @Test
    void quietForOtherSourcesAndUnknownValues() {
        check(mapping("!GetAtt Failures.Arn", "").replace("StartingPosition: LATEST\n", ""));
        check(mapping("!Ref SourceArn", ""));
        check(mapping("!ImportValue shared-stream-arn", ""));
        check(mapping("arn:aws:kafka:eu-west-1:123456789012:cluster/c/abc", ""));
        check(mapping("!GetAtt Orders.Arn", "Topics: [orders]\n"));
        check(mapping("!GetAtt Orders.Arn", "MaximumRetryAttempts: !Ref Retries\n"));
        check(mapping("!GetAtt Orders.Arn", "MaximumRetryAttempts: !If [Prod, 3, -1]\n"));
        check(mapping("!GetAtt Orders.Arn", "DestinationConfig: {OnFailure: {Destination: !If [Prod, !GetAtt "
                + "Failures.Arn, !Ref AWS::NoValue]}}\n"));
    }

    @Test
    void quietWhenTheMappingIsNeverCreated() {
        check(mapping("!GetAtt Orders.Arn", "").replace("  Type: AWS::Lambda::EventSourceMapping\n",
                "  Type: AWS::Lambda::EventSourceMapping\n  Condition: Never\n"));
    }

    @Test
    void samStreamEventsThroughTheAnalyzer() {
        String sam = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders: {Type: AWS::Kinesis::Stream, Properties: {ShardCount: 1}}
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: python3.12
                      InlineCode: 'def handler(e, c): pass'
                      Events:
                        Clicks:
                          Type: Kinesis
                          Properties:  # expect MQ05
                            Stream: !GetAtt Orders.Arn
                            StartingPosition: LATEST
                            BisectBatchOnFunctionError: true
                """;
        assertThat(Expect.analyzed(dir, sam, "MQ05")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("Lambda event source mapping WorkerClicks reads Kinesis stream Orders with "
                        + "MaximumRetryAttempts not set"));
        Expect.analyzed(dir, sam.replace("  # expect MQ05", "").replace("BisectBatchOnFunctionError: true",
                "DestinationConfig: {OnFailure: {Type: SQS, Destination: !GetAtt Failures.Arn}}")
                + "  Failures: {Type: AWS::SQS::Queue}\n", "MQ05");
    }
}
