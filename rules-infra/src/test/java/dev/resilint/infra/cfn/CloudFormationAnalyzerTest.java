package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.cfn.sam.SamTransform;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationAnalyzerTest {

    @TempDir
    Path dir;

    private static final String DB = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties: {Engine: postgres}
            """;

    /**
     * The rules these tests observe (and the core suppression rule): findings of rules added later
     * would be beside the point of these tests.
     */
    static final Config OBSERVED_RULES = Config.defaults().withSelection(List.of("AZ04", "DR03", "RL"), List.of());

    private Results analyze(Path... inputs) {
        return new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(List.of(inputs), dir,
                OBSERVED_RULES, List.of()));
    }

    @Test
    void findsTemplatesByContentAndSkipsOtherYamlAndJsonQuietly() throws Exception {
        Files.createDirectories(dir.resolve("stacks/nested"));
        Files.writeString(dir.resolve("stacks/db.yaml"), DB);
        Files.writeString(dir.resolve("stacks/nested/queue.json"),
                "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\"}}}");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
        Files.writeString(dir.resolve("values.yaml"), "replicas: 3\n");
        Files.createDirectories(dir.resolve("node_modules/x"));
        Files.writeString(dir.resolve("node_modules/x/t.yaml"), DB);

        Results results = analyze(dir);

        assertThat(results.problems()).isEmpty();
        assertThat(results.files()).containsExactly("stacks/db.yaml", "stacks/nested/queue.json");
        assertThat(results.findings()).extracting(Finding::ruleId).containsExactly("AZ04");
        assertThat(results.notes()).anySatisfy(n -> assertThat(n).contains("package.json"))
                .anySatisfy(n -> assertThat(n).contains("values.yaml"));
    }

    @Test
    void brokenTemplateInADirectoryIsAnErrorWithFileAndLine() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [\n");
        Files.writeString(dir.resolve("notes.yaml"), "just: [broken\n");
        Results results = analyze(dir);
        assertThat(results.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.INPUT_ERROR);
            assertThat(p.file()).isEqualTo("broken.yaml");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).startsWith("invalid YAML");
        });
        assertThat(results.notes()).anySatisfy(n -> assertThat(n).contains("notes.yaml"));
    }

    @Test
    void explicitlyNamedFilesMustBeTemplates() throws Exception {
        Files.writeString(dir.resolve("values.yaml"), "replicas: 3\n");
        Results results = analyze(Path.of("values.yaml"), Path.of("missing.yaml"));
        assertThat(results.problems()).extracting(Problem::display).containsExactly(
                "values.yaml:1:1: not a CloudFormation template (no Resources map with AWS:: resource types)",
                "missing.yaml: no such file or directory");
    }

    @Test
    void binaryAndOversizedFilesAreErrorsNotSilentPasses() throws Exception {
        Files.write(dir.resolve("image.template"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.writeString(dir.resolve("huge.json"), "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {}, "
                + "\"Description\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}");
        Files.writeString(dir.resolve("huge-data.json"), "{\"rows\": \"" + "y".repeat(3 * 1024 * 1024) + "\"}");
        Config small = configWithMaxBytes(2 * 1024 * 1024);
        Results results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(List.of(dir), dir,
                small, List.of()));
        assertThat(results.problems()).extracting(Problem::file).containsExactly("huge.json", "image.template");
        assertThat(results.problems().get(0).message()).contains("over the limit");
        assertThat(results.problems().get(1).message()).contains("binary");
        assertThat(results.notes()).anySatisfy(n -> assertThat(n).contains("huge-data.json"));
    }

    @Test
    void resourcesOfTheWrongShapeAreErrorsAtTheirLineAndTheOthersAreStillJudged() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  NoType:
                    Properties: {Engine: postgres}
                  ListType:
                    Type: [AWS::RDS::DBInstance]
                  RefType:
                    Type: !Ref Kind
                  EmptyType:
                    Type:
                  NotAMap: AWS::SNS::Topic
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties: {Engine: postgres}
                """);
        Results results = analyze(Path.of("t.yaml"));
        assertThat(results.problems()).extracting(Problem::display).containsExactly(
                "t.yaml:3:3: resource NoType: Type is missing",
                "t.yaml:6:5: resource ListType: Type must be a resource type name such as AWS::S3::Bucket, not a list",
                "t.yaml:8:5: resource RefType: Type must be a resource type name such as AWS::S3::Bucket, not a "
                        + "function (CloudFormation does not evaluate functions in Type)",
                "t.yaml:10:5: resource EmptyType: Type must be a resource type name such as AWS::S3::Bucket, not empty",
                "t.yaml:11:3: resource NotAMap: expected a map with Type and Properties, not a string");
        assertThat(results.problems()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(Problem.Kind.INPUT_ERROR));
        assertThat(results.findings()).extracting(Finding::ruleId).containsExactly("AZ04");
    }

    @Test
    void aListOfResourcesIsReportedAtTheResourcesKey() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Description: resources as a list
                Resources:
                  - Type: AWS::SNS::Topic
                """);
        Files.createDirectories(dir.resolve("walked"));
        Files.copy(dir.resolve("t.yaml"), dir.resolve("walked/t.yaml"));
        assertThat(analyze(Path.of("t.yaml")).problems()).extracting(Problem::display).containsExactly(
                "t.yaml:3:1: Resources must be a map of logical ids to resources, not a list");
        assertThat(analyze(dir.resolve("walked")).problems()).extracting(Problem::display).containsExactly(
                "walked/t.yaml:3:1: Resources must be a map of logical ids to resources, not a list");
    }

    @Test
    void aDirectoryWithoutTemplatesIsAnErrorNotAPass() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other/values.yaml"), "replicas: 3\n");
        Files.createDirectories(dir.resolve("stacks"));
        Files.writeString(dir.resolve("stacks/db.yaml"), DB);
        Results results = analyze(Path.of("empty"), Path.of("other"), Path.of("stacks"));
        assertThat(results.problems()).extracting(Problem::display).containsExactly(
                "empty: no CloudFormation template found in this directory (no .yaml, .yml, .json or .template files)",
                "other: no CloudFormation template found in this directory (1 file(s) with a template extension, "
                        + "none of them a template; --verbose lists them)");
        assertThat(results.files()).containsExactly("stacks/db.yaml");
    }

    @Test
    void aSymbolicLinkLoopIsNamedAsOne() throws Exception {
        Files.createSymbolicLink(dir.resolve("a.yaml"), dir.resolve("b.yaml"));
        Files.createSymbolicLink(dir.resolve("b.yaml"), dir.resolve("a.yaml"));
        Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));
        assertThat(analyze(Path.of("a.yaml"), Path.of("gone.yaml")).problems()).extracting(Problem::display)
                .containsExactly("a.yaml: a symbolic link loop (too many levels of symbolic links)",
                        "gone.yaml: a broken symbolic link (to " + dir.resolve("nowhere.yaml")
                                + ", which does not exist)");
    }

    @Test
    void anUnreadableEntryBelowADirectoryIsAnErrorAndTheWalkGoesOn() throws Exception {
        Files.createDirectories(dir.resolve("stacks/closed"));
        Files.writeString(dir.resolve("stacks/db.yaml"), DB);
        List<String> seen = new java.util.ArrayList<>();
        List<Path> found = TemplateDiscovery.walk(dir.resolve("stacks"), new java.util.ArrayList<>(), Path::toString,
                (p, e) -> seen.add(p.getFileName() + ": " + dev.resilint.core.FileReasons.of(e)));
        assertThat(found).containsExactly(dir.resolve("stacks/db.yaml"));
        assertThat(seen).isEmpty(); // readable; CheckFlowTest runs the unreadable case where permissions bind
    }

    private static Config configWithMaxBytes(long bytes) {
        Config d = Config.defaults();
        return new Config(d.file(), d.include(), d.ignore(), d.severity(), d.ruleParameters(), d.requiredTags(),
                d.failOn(), d.suppressions(), bytes);
    }

    @Test
    void samTemplatesAreExpandedBeforeTheRulesRunAndGlobalsReachTheEvaluator() throws Exception {
        String sam = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 20
                Resources:
                  Orders:
                    Type: AWS::Serverless::SimpleTable
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
                """;
        Files.writeString(dir.resolve("template.yaml"), sam);
        Results results = analyze(dir);
        assertThat(results.problems()).isEmpty();
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("DR03")).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(7);
        });

        dev.resilint.infra.graph.ResourceGraph graph = TemplateGraphs.build(new TemplateFile("template.yaml",
                SamTransform.expand(new TemplateLoader(1 << 20).parse(sam, "template.yaml"), "template.yaml")));
        var eval = TemplateGraphs.evaluator(graph);
        var worker = graph.resource("Worker").orElseThrow();
        assertThat(worker.type()).isEqualTo("AWS::Lambda::Function");
        assertThat(eval.property(worker, "Timeout").asLong()).contains(20L);
        assertThat(worker.locateProperty("Timeout").line()).isEqualTo(5); // the Globals line
        assertThat(graph.references().referrers(graph, "JobQueue", "AWS::Lambda::EventSourceMapping"))
                .extracting(r -> r.id()).containsExactly("WorkerJobs");
    }

    @Test
    void readsInlineSuppressionsAndReportsBadOnes() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      resilint:
                        suppress:
                          - {id: AZ04, reason: Nightly analytics copy, expires: 2027-01-31}
                          - {id: DR03, expires: soon}
                    Properties: {Engine: postgres}
                """);
        Results results = analyze(dir);
        assertThat(results.suppressions()).extracting(s -> s.ruleId()).containsExactly("AZ04");
        assertThat(results.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("AZ04", "RL01");
    }
}
