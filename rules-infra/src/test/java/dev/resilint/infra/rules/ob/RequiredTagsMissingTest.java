package dev.resilint.infra.rules.ob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.rules.RuleRun;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.config.Config;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequiredTagsMissingTest {

    @TempDir
    Path dir;

    private Config config;

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              TagList: {Type: CommaDelimitedList}
              Key: {Type: String}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    @BeforeEach
    void requireOwnerAndCostCenter() {
        config = RuleRun.config(dir, "requiredTags: [Owner, CostCenter]\n");
    }

    /** The findings with Owner and CostCenter required, which must be the ones the {@code # expect} markers name. */
    private List<Finding> check(String resources) {
        String yaml = HEADER + resources.indent(2);
        return Expect.matching(yaml, RuleRun.findings(new RequiredTagsMissing(), config, yaml));
    }

    private List<Finding> bucket(String properties) {
        return bucket("", properties);
    }

    /** A bucket Logs with {@code properties} from line 14; {@code marker} goes on its Properties line (12). */
    private List<Finding> bucket(String marker, String properties) {
        return check("""
                Logs:
                  Type: AWS::S3::Bucket
                  Properties:%s
                    BucketName: logs
                """.formatted(marker) + properties.indent(4));
    }

    @Test
    void inactiveUntilTagsAreRequired() {
        assertThat(Fixtures.findings(new RequiredTagsMissing(), HEADER + "  Logs: {Type: AWS::S3::Bucket}\n")).isEmpty();
        assertThat(RuleRun.findings(new RequiredTagsMissing(), RuleRun.config(dir, "requiredTags: []\n"),
                HEADER + "  Logs: {Type: AWS::S3::Bucket}\n")).isEmpty();
    }

    @Test
    void firesListingTheMissingKeysAndPointsAtTags() {
        assertThat(bucket("Tags:  # expect OB01\n"
                + "  - {Key: Owner, Value: payments}\n  - {Key: costcenter, Value: '42'}\n"))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("OB01");
                    assertThat(f.message()).isEqualTo("AWS::S3::Bucket Logs lacks the required tag CostCenter; add it "
                            + "to Tags");
                    Location.Template loc = (Location.Template) f.location();
                    assertThat(loc.logicalPath()).isEqualTo("Resources/Logs/Properties/Tags");
                    assertThat(loc.column()).isEqualTo(7);
                });
        assertThat(bucket("  # expect OB01", "")).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("AWS::S3::Bucket Logs lacks the required tags Owner, CostCenter; add them to Tags"));
        assertThat(check("Queue: {Type: AWS::SQS::Queue}  # expect OB01\n")).hasSize(1);
    }

    @Test
    void quietWhenEveryRequiredKeyIsThere() {
        assertThat(bucket("Tags: [{Key: Owner, Value: payments}, {Key: CostCenter, Value: !Ref Env}]\n")).isEmpty();
    }

    @Test
    void readsEachTagShape() {
        List<Finding> findings = check("""
                Param:
                  Type: AWS::SSM::Parameter
                  Properties: {Type: String, Value: x, Tags: {Owner: payments, CostCenter: '42'}}
                HalfParam:
                  Type: AWS::SSM::Parameter
                  Properties: {Type: String, Value: x, Tags: {Owner: payments}}  # expect OB01
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties:
                    MinSize: '1'
                    MaxSize: '2'
                    Tags:
                      - {Key: Owner, Value: payments, PropagateAtLaunch: true}
                      - {Key: CostCenter, Value: '42', PropagateAtLaunch: false}
                Files:
                  Type: AWS::EFS::FileSystem
                  Properties:
                    FileSystemTags: [{Key: Owner, Value: payments}]  # expect OB01
                Role:
                  Type: AWS::IAM::Role
                  Properties: {AssumeRolePolicyDocument: {}}
                """);
        assertThat(findings).extracting(Finding::message).containsExactly(
                "AWS::SSM::Parameter HalfParam lacks the required tag CostCenter; add it to Tags",
                "AWS::EFS::FileSystem Files lacks the required tag CostCenter; add it to FileSystemTags");
    }

    @Test
    void quietWhenTheTagsCannotBeKnown() {
        assertThat(bucket("Tags: !Ref TagList\n")).isEmpty();
        assertThat(bucket("Tags: [{Key: !Ref Key, Value: x}, {Key: Owner, Value: y}]\n")).isEmpty();
        assertThat(bucket("Tags: !If [Prod, [{Key: Owner, Value: a}, {Key: CostCenter, Value: b}], []]\n")).isEmpty();
        assertThat(bucket("Tags: [{Key: Owner, Value: a}, !If [Prod, {Key: CostCenter, Value: b}, "
                + "!Ref AWS::NoValue]]\n")).isEmpty();
        assertThat(check("""
                Param:
                  Type: AWS::SSM::Parameter
                  Properties: {Type: String, Value: x, Tags: !ImportValue shared-tags}
                """)).isEmpty();
    }

    @Test
    void reportsOnlyKeysMissingInEveryBranch() {
        assertThat(bucket("Tags: !If [Prod, [{Key: Owner, Value: a}], []]  # expect OB01\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("lacks the required tag CostCenter;"));
        assertThat(check("""
                Param:
                  Type: AWS::SSM::Parameter
                  Properties:
                    Type: String
                    Value: x
                    Tags: {Owner: payments, CostCenter: !Ref AWS::NoValue}  # expect OB01
                """)).singleElement().satisfies(f -> assertThat(f.message()).contains("tag CostCenter;"));
    }

    @Test
    void skipsResourcesThatAreNeverCreatedAndTypesNotTagged() {
        assertThat(check("""
                Logs:
                  Type: AWS::S3::Bucket
                  Condition: Never
                Handle:
                  Type: AWS::CloudFormation::WaitConditionHandle
                Policy:
                  Type: AWS::SQS::QueuePolicy
                  Properties: {Queues: [], PolicyDocument: {}}
                """)).isEmpty();
    }

    @Test
    void samTagMapsAreReadAfterExpansion() {
        String sam = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Tags:
                      CostCenter: '42'
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      Tags:
                        Owner: payments
                  Orphan:  # expect OB01
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: '*'
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      InlineCode: 'def handler(e, c): pass'
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      Tags: {Owner: payments, CostCenter: '42'}
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition: {StartAt: Done, States: {Done: {Type: Succeed}}}
                      Tags: {CostCenter: '42'}  # expect OB01
                """;
        // at the SAM resource key, and at the SAM Tags key
        List<Finding> findings = Expect.matching(sam, RuleRun.analyze(dir, config, sam, "OB01"));
        assertThat(findings).extracting(Finding::message).containsExactly(
                "AWS::Lambda::Function Orphan lacks the required tags Owner, CostCenter; add them to Tags",
                "AWS::StepFunctions::StateMachine Machine lacks the required tag Owner; add it to Tags");
    }
}
