package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.rules.InfraRules;
import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.TreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Nested stacks whose template is a local file are analyzed with their parent, once. */
class NestedStacksTest {

    @TempDir
    Path dir;

    private static final String DB = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Engine: {Type: String}
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties: {Engine: postgres}
            """;

    private static String parent(String templateUrl) {
        return """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Topic: {Type: AWS::SNS::Topic}
                  DbStack:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: %s
                      Parameters:
                        Engine: postgres
                """.formatted(templateUrl);
    }

    /**
     * The rules these tests observe (and the core suppression rule): findings of rules added later
     * would be beside the point of these tests.
     */
    static final Config OBSERVED_RULES = Config.defaults().withSelection(List.of("AZ04", "DR03", "RL"), List.of());

    private Results analyze(Path... inputs) {
        return new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(List.of(inputs), dir,
                OBSERVED_RULES, List.of()));
    }

    private void write(String path, String content) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** A child whose Multi-AZ setting comes from a parameter with a safe default. */
    private static final String CHILD_WITH_PARAMETER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              MultiAz: {Type: String, Default: 'true'}
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                Properties: {Engine: postgres, MultiAZ: !Ref MultiAz}
            """;

    private List<String> childFindings(String parameters) throws Exception {
        write("main.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Free: {Type: String}
                Conditions:
                  Maybe: !Equals [!Ref Free, x]
                Resources:
                  DbStack:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: ./db.yaml
                      Parameters: %s
                """.formatted(parameters));
        write("db.yaml", CHILD_WITH_PARAMETER);
        Results results = analyze(Path.of("main.yaml"));
        assertThat(results.problems()).isEmpty();
        return results.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void theFirstLookFindsTheStackTypeInTheBytesAnywhere() {
        byte[] type = "AWS::CloudFormation::Stack".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (String text : List.of("AWS::CloudFormation::Stack", "Type: AWS::CloudFormation::Stack",
                "A: caf\u00e9 AWS::CloudFormation::Stack\n", "AWS::CloudFormation::StackSet")) {
            assertThat(NestedStacks.contains(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), type)).as(text)
                    .isTrue();
        }
        for (String text : List.of("", "AWS::CloudFormation::Stac", "AWS::CloudFormation:: Stack",
                "Type: AWS::CloudFormation::WaitCondition")) {
            assertThat(NestedStacks.contains(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), type)).as(text)
                    .isFalse();
        }
    }

    @Test
    void valuesPassedByTheParentOverrideTheChildsDefaults() throws Exception {
        assertThat(childFindings("{MultiAz: 'false'}")).containsExactly("AZ04");
        assertThat(childFindings("{}")).isEmpty(); // the default applies
        assertThat(childFindings("{MultiAz: 'true'}")).isEmpty();
    }

    @Test
    void unknownValuesFromTheParentKeepTheChildQuiet() throws Exception {
        assertThat(childFindings("{MultiAz: !Ref Free}")).isEmpty();
        assertThat(childFindings("!If [Maybe, {MultiAz: 'false'}, {MultiAz: 'false'}]")).containsExactly("AZ04");
        assertThat(childFindings("!If [Maybe, {MultiAz: 'false'}, {}]")).isEmpty();
    }

    @Test
    void namingOnlyTheParentAnalyzesTheChildUnderItsOwnPath() throws Exception {
        write("main.yaml", parent("./stacks/db.yaml"));
        write("stacks/db.yaml", DB);

        Results results = analyze(Path.of("main.yaml"));

        assertThat(results.problems()).isEmpty();
        assertThat(results.files()).containsExactly("main.yaml", "stacks/db.yaml");
        assertThat(results.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ04");
            assertThat(f.location().file()).isEqualTo("stacks/db.yaml");
            assertThat(f.location().line()).isEqualTo(7);
        });
        assertThat(results.notes()).contains("stacks/db.yaml: template of nested stack DbStack in main.yaml");
    }

    @Test
    void theChildMayLieOutsideThePathsNamed() throws Exception {
        write("app/main.yaml", parent("../shared/db.yaml"));
        write("shared/db.yaml", DB);
        Results results = analyze(Path.of("app"));
        assertThat(results.problems()).isEmpty();
        assertThat(results.files()).containsExactly("app/main.yaml", "shared/db.yaml");
        assertThat(results.findings()).extracting(f -> f.location().file()).containsExactly("shared/db.yaml");
    }

    @Test
    void aChildAlsoFoundByTheDirectoryWalkIsAnalyzedOnce() throws Exception {
        write("main.yaml", parent("stacks/db.yaml"));
        write("stacks/db.yaml", DB);
        write("a-first.yaml", parent("./stacks/../stacks/db.yaml")); // sorts before the child and main.yaml

        for (Results results : List.of(analyze(dir), analyze(Path.of("stacks/db.yaml"), Path.of("main.yaml"), dir))) {
            assertThat(results.problems()).isEmpty();
            assertThat(results.files()).containsExactlyInAnyOrder("a-first.yaml", "main.yaml", "stacks/db.yaml");
            assertThat(results.findings()).extracting(Finding::ruleId).containsExactly("AZ04");
            assertThat(results.notes()).anySatisfy(n -> assertThat(n).startsWith("stacks/db.yaml: template of nested stack"));
        }
    }

    @Test
    void oneFileReachedThroughASymbolicLinkIsAnalyzedOnce() throws Exception {
        write("stacks/db.yaml", DB);
        write("main.yaml", parent("linked/db.yaml"));
        try {
            Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("stacks"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        Results results = analyze(dir);
        assertThat(results.files()).containsExactly("main.yaml", "linked/db.yaml");
        assertThat(results.findings()).extracting(Finding::ruleId).containsExactly("AZ04");
    }

    @Test
    void childrenOfChildrenAreAnalyzedAndCyclesEnd() throws Exception {
        write("a.yaml", parent("b/b.yaml"));
        write("b/b.yaml", parent("../c/c.yaml"));
        write("c/c.yaml", parent("../a.yaml").replace("Topic: {Type: AWS::SNS::Topic}",
                "Db: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres}}"));

        for (Results results : List.of(analyze(Path.of("a.yaml")), analyze(Path.of("c/c.yaml")), analyze(dir))) {
            assertThat(results.problems()).isEmpty();
            assertThat(results.files()).containsExactlyInAnyOrder("a.yaml", "b/b.yaml", "c/c.yaml");
            assertThat(results.findings()).extracting(f -> f.location().file()).containsExactly("c/c.yaml");
            assertThat(results.notes()).anySatisfy(n -> assertThat(n).contains("was already analyzed"));
        }
    }

    @Test
    @Timeout(10)
    void aTemplateNestingItselfEnds() throws Exception {
        write("self.yaml", parent("self.yaml"));
        Results results = analyze(dir);
        assertThat(results.problems()).isEmpty();
        assertThat(results.files()).containsExactly("self.yaml");
    }

    @Test
    void aMissingLocalTemplateIsAnInputErrorOfTheParent() throws Exception {
        write("main.yaml", parent("./stacks/missing.yaml"));
        Results results = analyze(dir);
        assertThat(results.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.INPUT_ERROR);
            assertThat(p.file()).isEqualTo("main.yaml");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo(7);
            assertThat(p.message()).contains("DbStack").contains("stacks/missing.yaml").contains("does not exist");
        });
        assertThat(results.files()).containsExactly("main.yaml");
    }

    @Test
    void anUnreadableChildIsAnInputErrorOfTheChild() throws Exception {
        write("main.yaml", parent("stacks/db.yaml"));
        write("stacks/db.yaml", "Resources:\n  Db: [\n");
        assertThat(analyze(Path.of("main.yaml")).problems()).extracting(Problem::file).containsExactly("stacks/db.yaml");
    }

    @Test
    void aChildNeedNotLookLikeATemplateOnItsOwn() throws Exception {
        write("main.yaml", parent("stacks/params.yaml"));
        write("stacks/params.yaml", "Parameters:\n  One: {Type: String}\nResources: {}\n");
        Results results = analyze(dir);
        assertThat(results.problems()).isEmpty();
        assertThat(results.files()).containsExactly("main.yaml", "stacks/params.yaml");
    }

    @Test
    void fileUrlsAreFollowed() throws Exception {
        write("main.yaml", parent("file://stacks/db.yaml"));
        write("stacks/db.yaml", DB);
        write("abs.yaml", parent("'" + dir.resolve("stacks/db.yaml").toUri() + "'"));
        assertThat(analyze(Path.of("main.yaml")).files()).containsExactly("main.yaml", "stacks/db.yaml");
        assertThat(analyze(Path.of("abs.yaml")).files()).containsExactly("abs.yaml", "stacks/db.yaml");
    }

    @Test
    void remoteAndComputedUrlsAreNotFollowedAndSaySo() throws Exception {
        write("stacks/db.yaml", DB);
        write("s3.yaml", parent("https://s3.amazonaws.com/bucket/stacks/db.yaml"));
        write("sub.yaml", parent("!Sub 'https://${Bucket}.s3.amazonaws.com/stacks/db.yaml'"));
        write("word.yaml", parent("String"));
        write("ssm.yaml", parent("'{{resolve:ssm:/templates/db:1}}'"));
        for (String file : List.of("s3.yaml", "sub.yaml", "word.yaml", "ssm.yaml")) {
            Results results = analyze(Path.of(file));
            assertThat(results.problems()).isEmpty();
            assertThat(results.files()).containsExactly(file);
            assertThat(results.notes()).anySatisfy(n -> assertThat(n).startsWith(file + ": nested stack DbStack not followed: "));
        }
        write("if.yaml", """
                Resources:
                  DbStack:
                    Type: AWS::CloudFormation::Stack
                    Properties: !If [Prod, {TemplateURL: stacks/db.yaml}, {TemplateURL: stacks/other.yaml}]
                """);
        assertThat(analyze(Path.of("if.yaml")).notes()).contains(
                "if.yaml: nested stack DbStack not followed: its Properties are computed with Fn::If");
        assertThat(analyze(Path.of("s3.yaml")).notes()).anySatisfy(n -> assertThat(n).contains("remote"));
        assertThat(analyze(Path.of("sub.yaml")).notes()).anySatisfy(n -> assertThat(n).contains("Fn::Sub"));
    }

    @Test
    void theChildGetsTheParametersTheParentPasses() throws Exception {
        MapNode root = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES).parse("""
                Resources:
                  WithValues:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: a.yaml
                      Parameters: {Engine: !Ref Engine, Size: 20}
                  WithoutValues:
                    Type: AWS::CloudFormation::Stack
                    Properties: {TemplateURL: nested/b.yaml}
                  Conditional:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: c.json
                      Parameters: !If [Prod, {Size: 100}, {Size: 20}]
                  Odd:
                    Type: AWS::CloudFormation::Stack
                    Properties: {TemplateURL: d.template, Parameters: [x]}
                """, "main.yaml");
        List<NestedStacks.Child> children = NestedStacks.of(root, dir.resolve("main.yaml")).children();

        assertThat(children).extracting(NestedStacks.Child::stackId)
                .containsExactly("WithValues", "WithoutValues", "Conditional", "Odd");
        assertThat(children).extracting(NestedStacks.Child::file).containsExactly(dir.resolve("a.yaml"),
                dir.resolve("nested/b.yaml"), dir.resolve("c.json"), dir.resolve("d.template"));
        assertThat(children.get(0).parameterValues()).hasValueSatisfying(p -> assertThat(p.keys())
                .containsExactly("Engine", "Size"));
        assertThat(children.get(1).parameterValues()).hasValueSatisfying(p -> assertThat(p.size()).isZero());
        assertThat(children.get(2).parameterValues()).hasValueSatisfying(p -> assertThat(p.keys())
                .containsExactly("Fn::If"));
        assertThat(children.get(3).parameterValues()).isEmpty();
        assertThat(children.get(0).mark().line()).isEqualTo(5);
    }

    @Test
    void localPathsAreToldFromUrlsAndWords() {
        assertThat(NestedStacks.localPath("./db.yaml", dir)).contains(dir.resolve("db.yaml"));
        assertThat(NestedStacks.localPath("db.json", dir)).contains(dir.resolve("db.json"));
        assertThat(NestedStacks.localPath("stacks/db", dir)).contains(dir.resolve("stacks/db"));
        assertThat(NestedStacks.localPath("file://stacks/my%20db.yaml", dir)).contains(dir.resolve("stacks/my db.yaml"));
        assertThat(NestedStacks.localPath("s3://bucket/db.yaml", dir)).isEmpty();
        assertThat(NestedStacks.localPath("https://bucket.s3.amazonaws.com/db.yaml", dir)).isEmpty();
        assertThat(NestedStacks.localPath("{{resolve:ssm:/t/db.yaml}}", dir)).isEmpty();
        assertThat(NestedStacks.localPath("String", dir)).isEmpty();
        assertThat(NestedStacks.localPath("", dir)).isEqualTo(Optional.empty());
    }
}
