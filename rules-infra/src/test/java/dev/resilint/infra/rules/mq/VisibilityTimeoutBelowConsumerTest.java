package dev.resilint.infra.rules.mq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import dev.resilint.infra.graph.GraphRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisibilityTimeoutBelowConsumerTest {

    @TempDir
    Path dir;

    private static String template(String queueProps, String fnProps) {
        return template("", queueProps, fnProps);
    }

    /**
     * A queue Jobs with {@code queueProps} (from line 11) consumed by a function with {@code fnProps};
     * {@code marker} goes on the queue's Properties line (10).
     */
    private static String template(String marker, String queueProps, String fnProps) {
        return """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Vt: {Type: String}
                  Mode: {Type: String}
                Conditions:
                  Prod: !Equals [!Ref Mode, prod]
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties:%s
                %s
                  Worker:
                    Type: AWS::Lambda::Function
                    Properties:
                %s
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      EventSourceArn: !GetAtt Jobs.Arn
                      FunctionName: !Ref Worker
                """.formatted(marker, queueProps.indent(6).stripTrailing(), fnProps.indent(6).stripTrailing());
    }

    /** The findings, which must be the ones that {@code # expect} markers in {@code yaml} name. */
    private static List<Finding> check(String yaml) {
        return Expect.findings(new VisibilityTimeoutBelowConsumer(), yaml);
    }

    private static List<Finding> check(String queueProps, String fnProps) {
        return check(template(queueProps, fnProps));
    }

    @Test
    void firesWhenTheVisibilityTimeoutIsBelowSixTimesTheFunctionTimeout() {
        List<Finding> findings = check("VisibilityTimeout: 60  # expect MQ03", "Runtime: java21\nTimeout: 30");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MQ03");
            assertThat(f.message()).isEqualTo("SQS queue Jobs has a visibility timeout of 60 s, below 6 x the 30 s "
                    + "timeout of its consumer Lambda function Worker: messages reappear and are processed again "
                    + "while still in flight; set VisibilityTimeout to at least 180 s");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Jobs/Properties/VisibilityTimeout");
            assertThat(loc.column()).isEqualTo(7);
        });
    }

    @Test
    void quietAtSixTimesOrMore() {
        assertThat(check("VisibilityTimeout: 180", "Timeout: 30")).isEmpty();
        assertThat(check("VisibilityTimeout: '900'", "Timeout: 30")).isEmpty();
    }

    @Test
    void defaultsAre30SecondsAnd3Seconds() {
        // 30 >= 6 x 3: the defaults go together
        assertThat(check("DelaySeconds: 0", "Runtime: java21")).isEmpty();
        // at Properties, the nearest existing parent
        assertThat(check(template("  # expect MQ03", "DelaySeconds: 0", "Timeout: 6"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("visibility timeout of 30 s (VisibilityTimeout is "
                        + "not set)").contains("at least 36 s"));
        assertThat(check("VisibilityTimeout: 10  # expect MQ03", "Runtime: java21")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the 3 s (Timeout is not set) timeout"));
    }

    @Test
    void quietWhenATimeoutIsUnknown() {
        assertThat(check("VisibilityTimeout: !Ref Vt", "Timeout: 30")).isEmpty();
        assertThat(check("VisibilityTimeout: 60", "Timeout: !ImportValue worker-timeout")).isEmpty();
        assertThat(check("VisibilityTimeout: !If [Prod, 180, 60]", "Timeout: 30")).isEmpty();
    }

    @Test
    void conditionsCountWhenEveryBranchIsTooShort() {
        assertThat(check("VisibilityTimeout: !If [Prod, 90, 60]  # expect MQ03", "Timeout: !If [Prod, 30, 20]"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("visibility timeout of up to 90 s")
                        .contains("the at least 20 s timeout").contains("at least 120 s"));
    }

    @Test
    void quietWhenTheConsumerIsNotAFunctionOfTheTemplate() {
        assertThat(Fixtures.findings(new VisibilityTimeoutBelowConsumer(),
                template("VisibilityTimeout: 10", "Timeout: 30").replace("FunctionName: !Ref Worker",
                        "FunctionName: some-other-function"))).isEmpty();
        assertThat(Fixtures.findings(new VisibilityTimeoutBelowConsumer(),
                template("VisibilityTimeout: 10", "Timeout: 30").replace("EventSourceArn: !GetAtt Jobs.Arn",
                        "EventSourceArn: !If [Prod, !GetAtt Jobs.Arn, !ImportValue other-queue]"))).isEmpty();
    }

    @Test
    void followsAliasesAndSubstitutions() {
        String aliased = template("VisibilityTimeout: 60  # expect MQ03", "Timeout: 30")
                .replace("FunctionName: !Ref Worker", "FunctionName: !Ref WorkerLive")
                .replace("EventSourceArn: !GetAtt Jobs.Arn", "EventSourceArn: !Sub '${Jobs.Arn}'")
                + """
                  WorkerLive:
                    Type: AWS::Lambda::Alias
                    Properties: {FunctionName: !Ref Worker, FunctionVersion: '1', Name: live}
                """;
        assertThat(check(aliased)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("consumer Lambda function Worker"));
    }

    @Test
    void namesTheSlowestOfSeveralConsumers() {
        String two = template("VisibilityTimeout: 60  # expect MQ03", "Timeout: 20") + """
                  Slow:
                    Type: AWS::Lambda::Function
                    Properties: {Timeout: 40}
                  SlowMapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties: {EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !GetAtt Slow.Arn}
                """;
        assertThat(check(two)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("40 s timeout of its consumer Lambda function Slow "
                        + "(and 1 other consuming function)").contains("at least 240 s"));
    }

    @Test
    void skipsMappingsThatAreNeverCreated() {
        String never = template("VisibilityTimeout: 60", "Timeout: 30").replace("""
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                """, """
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Condition: Never
                """).replace("Conditions:\n", "Conditions:\n  Never: !Equals [a, b]\n");
        assertThat(Fixtures.findings(new VisibilityTimeoutBelowConsumer(), never)).isEmpty();
    }

    @Test
    void theMultiplierIsConfigurable() {
        Config config = new Config(java.util.Optional.empty(), List.of(), List.of(), Map.of(),
                Map.of("MQ03", Map.of("multiplier", 2)), List.of(), java.util.Optional.empty(), List.of(),
                Config.defaults().maxFileSizeBytes());
        Results results = new Results();
        GraphRules.run(new Engine(config), List.of(new VisibilityTimeoutBelowConsumer()),
                Fixtures.graph(template("VisibilityTimeout: 60", "Timeout: 30")), results);
        assertThat(results.findings()).isEmpty();
        results = new Results();
        GraphRules.run(new Engine(config), List.of(new VisibilityTimeoutBelowConsumer()),
                Fixtures.graph(template("VisibilityTimeout: 50", "Timeout: 30")), results);
        assertThat(results.findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("below 2 x the 30 s timeout"));
    }

    @Test
    void samSqsEventThroughTheAnalyzer() {
        String sam = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 20
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      Events:
                        Jobs: {Type: SQS, Properties: {Queue: !GetAtt JobQueue.Arn}}
                  JobQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 100  # expect MQ03
                """;
        assertThat(Expect.analyzed(dir, sam, "MQ03")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("JobQueue has a visibility timeout of 100 s, below 6 x the 20 s timeout of its consumer "
                        + "Lambda function Worker"));
        assertThat(Expect.analyzed(dir, sam.replace("100  # expect MQ03", "120"), "MQ03")).isEmpty();
    }
}
