package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.rules.InfraRules;
import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CDK app directory after {@code cdk synth}: only the synthesized templates are judged. */
class CdkOutputTest {

    @TempDir
    Path dir;

    /** A template as {@code cdk synth} writes it: generated logical ids, aws:cdk:path metadata. */
    static final String STACK = """
            {
             "Resources": {
              "OrdersTable6D3A5C4E": {
               "Type": "AWS::DynamoDB::Table",
               "Properties": {
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                "BillingMode": "PAY_PER_REQUEST",
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]
               },
               "UpdateReplacePolicy": "Retain",
               "DeletionPolicy": "Retain",
               "Metadata": {"aws:cdk:path": "MyStack/Orders/Resource"}
              },
              "CDKMetadata": {
               "Type": "AWS::CDK::Metadata",
               "Properties": {"Analytics": "v2:deflate64:H4sIAAAAAAAA/zPSMzQ0MlBMLC/WTU7J1s3JTNKrDi5JTM7WcU7LC0otzi8tSk4FsZ3z81IySzLz82p1nCuLS1JzdZzzUnMzM3WqQ/OLUlIL81L0UtMq9YxNDQwsTfUy8otLsvJTdQzM9U3NLE0A"},
               "Metadata": {"aws:cdk:path": "MyStack/CDKMetadata/Default"},
               "Condition": "CDKMetadataAvailable"
              }
             },
             "Conditions": {
              "CDKMetadataAvailable": {"Fn::Or": [{"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]},
                {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}]}
             },
             "Parameters": {
              "BootstrapVersion": {
               "Type": "AWS::SSM::Parameter::Value<String>",
               "Default": "/cdk-bootstrap/hnb659fds/version",
               "Description": "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]"
              }
             },
             "Rules": {
              "CheckBootstrapVersion": {
               "Assertions": [{"Assert": {"Fn::Not": [{"Fn::Contains": [["1", "2", "3", "4", "5"],
                 {"Ref": "BootstrapVersion"}]}]},
                "AssertDescription": "CDK bootstrap stack version 6 required."}]
              }
             }
            }
            """;

    /** A template that must never be judged: it would give an AZ04 finding. */
    private static final String DB_TEMPLATE = """
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

    private void write(String path, String content) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** The files of a cloud assembly besides the templates, some of them looking much like templates. */
    private void writeAssemblyFiles(String assembly) throws Exception {
        write(assembly + "/cdk.out", "{\"version\":\"36.0.0\"}");
        write(assembly + "/manifest.json", """
                {"version": "36.0.0", "artifacts": {"MyStack": {"type": "aws:cloudformation:stack",
                  "properties": {"templateFile": "MyStack.template.json"},
                  "metadata": {"/MyStack/Orders/Resource": [{"type": "aws:cdk:logicalId", "data": "OrdersTable6D3A5C4E"}]}}}}
                """);
        write(assembly + "/tree.json", """
                {"version": "tree-0.1", "tree": {"id": "App", "path": "", "children": {"MyStack": {
                  "id": "MyStack", "path": "MyStack", "children": {"Resources": {"id": "Resources", "path": "MyStack/Resources",
                  "attributes": {"aws:cdk:cloudformation:type": "AWS::DynamoDB::Table"}}}}}}}
                """);
        write(assembly + "/MyStack.assets.json", """
                {"version": "36.0.0", "files": {"abc123": {"source": {"path": "asset.abc123", "packaging": "zip"}}}}
                """);
        write(assembly + "/asset.abc123/config.yaml", "junk: [unclosed\n  : : :\n");
        write(assembly + "/asset.abc123/template.yaml", DB_TEMPLATE);
        write(assembly + "/asset.abc123/node/broken.json", "{\"Resources\": {\"AWS::\": ");
    }

    @Test
    void judgesOnlyTheSynthesizedTemplatesOfCdkOut() throws Exception {
        write("cdk.json", "{\"app\": \"npx ts-node --prefer-ts-exts bin/app.ts\"}");
        write("package.json", "{\"name\": \"app\", \"version\": \"0.1.0\"}");
        write("cdk.out/MyStack.template.json", STACK);
        writeAssemblyFiles("cdk.out");

        for (Path input : List.of(dir, dir.resolve("cdk.out"))) {
            Results results = analyze(input);

            assertThat(results.problems()).isEmpty();
            assertThat(results.files()).containsExactly("cdk.out/MyStack.template.json");
            assertThat(results.findings()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("DR03");
                assertThat(f.message()).contains("OrdersTable6D3A5C4E (MyStack/Orders)");
                assertThat(f.location().file()).isEqualTo("cdk.out/MyStack.template.json");
                assertThat(((Location.Template) f.location()).resourceId()).isEqualTo("OrdersTable6D3A5C4E");
            });
            assertThat(String.join("\n", results.notes())).doesNotContain("asset.abc123").doesNotContain("tree.json")
                    .doesNotContain("manifest.json").contains("cloud assembly");
        }
    }

    @Test
    void aRenamedOutputDirectoryIsKnownByItsMarkerFiles() throws Exception {
        write("synth/MyStack.template.json", STACK);
        writeAssemblyFiles("synth");
        Results results = analyze(dir);
        assertThat(results.problems()).isEmpty();
        assertThat(results.files()).containsExactly("synth/MyStack.template.json");
    }

    @Test
    void stageAssembliesInsideCdkOutAreSearchedButNotTheirAssets() throws Exception {
        write("cdk.out/MyStack.template.json", STACK);
        writeAssemblyFiles("cdk.out");
        write("cdk.out/assembly-Prod/ProdMyStack1A2B3C4D.template.json", STACK.replace("MyStack/", "Prod/MyStack/"));
        writeAssemblyFiles("cdk.out/assembly-Prod");
        Results results = analyze(dir);
        assertThat(results.problems()).isEmpty();
        assertThat(results.files()).containsExactly("cdk.out/MyStack.template.json",
                "cdk.out/assembly-Prod/ProdMyStack1A2B3C4D.template.json");
        assertThat(results.findings()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("(Prod/MyStack/Orders)"));
    }

    @Test
    void assetFoldersOutsideACloudAssemblyAreOrdinaryFolders() throws Exception {
        write("asset.notcdk/db.yaml", DB_TEMPLATE);
        assertThat(analyze(dir).files()).containsExactly("asset.notcdk/db.yaml");
    }

    @Test
    void cdkNestedStacksAreAnalyzedWithTheirParentThroughTheAssetMetadata() throws Exception {
        write("cdk.out/Root.template.json", """
                {"Resources": {
                  "AppNestedStackAppNestedStackResourceB70CDE02": {
                    "Type": "AWS::CloudFormation::Stack",
                    "Properties": {
                      "TemplateURL": {"Fn::Join": ["", ["https://s3.", {"Ref": "AWS::Region"}, ".",
                        {"Ref": "AWS::URLSuffix"}, "/", {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"},
                        "/0f1e2d3c.json"]]},
                      "Parameters": {"referencetoRootVpc8378EB38Ref": {"Ref": "Vpc8378EB38"}}
                    },
                    "UpdateReplacePolicy": "Delete",
                    "DeletionPolicy": "Delete",
                    "Metadata": {
                      "aws:cdk:path": "Root/App.NestedStack/App.NestedStackResource",
                      "aws:asset:path": "RootAppNestedStack1F2E3D4C.nested.template.json",
                      "aws:asset:property": "TemplateURL"
                    }
                  }}}
                """);
        write("cdk.out/RootAppNestedStack1F2E3D4C.nested.template.json", STACK.replace("MyStack/", "Root/App/"));
        writeAssemblyFiles("cdk.out");

        Results results = analyze(dir);

        assertThat(results.problems()).isEmpty();
        assertThat(results.files()).containsExactly("cdk.out/Root.template.json",
                "cdk.out/RootAppNestedStack1F2E3D4C.nested.template.json");
        assertThat(results.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("OrdersTable6D3A5C4E (Root/App/Orders)");
            assertThat(f.location().file()).isEqualTo("cdk.out/RootAppNestedStack1F2E3D4C.nested.template.json");
        });
        assertThat(results.notes()).contains("cdk.out/RootAppNestedStack1F2E3D4C.nested.template.json: template of "
                + "nested stack AppNestedStackAppNestedStackResourceB70CDE02 in cdk.out/Root.template.json");
    }

    @Test
    void nestedStackFileNamesAreTemplateNames() {
        List<String> names = new ArrayList<>();
        for (String name : List.of("MyStack.template.json", "MyStackNested1A2B.nested.template.json",
                "MyStack.assets.json", "manifest.json", "tree.json", ".template.json", "MyStack.template.yaml")) {
            if (TemplateDiscovery.isCdkTemplateName(Path.of(name))) {
                names.add(name);
            }
        }
        assertThat(names).containsExactly("MyStack.template.json", "MyStackNested1A2B.nested.template.json");
    }
}
