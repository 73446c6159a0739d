package dev.resilint.infra.rules.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatefulResourceWithoutRetainPolicyTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Policy: {Type: String}
              Keep: {Type: String, Default: Retain}
              Drop: {Type: String, Default: Delete}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** The marker for a finding on the key of {@link #table}'s resource, line 11. */
    private static final String ON_KEY = "  # expect DR04";

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new StatefulResourceWithoutRetainPolicy(), HEADER + resources.indent(2));
    }

    private static List<Finding> table(String attributes) {
        return table("", attributes);
    }

    /** A DynamoDB table Orders (key, with {@code marker}, on line 11) with the given attributes before its Type. */
    private static List<Finding> table(String marker, String attributes) {
        return check("Orders:" + marker + "\n" + attributes.indent(2) + """
                  Type: AWS::DynamoDB::Table
                  Properties: {BillingMode: PAY_PER_REQUEST}
                """);
    }

    @Test
    void firesOnATableWithNeitherPolicyAndPointsAtTheResource() {
        assertThat(table(ON_KEY, "")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DR04");
            assertThat(f.message()).isEqualTo("DynamoDB table Orders is deleted with its data when its stack is "
                    + "deleted or it leaves the template (DeletionPolicy is not set and defaults to Delete) and when an "
                    + "update replaces it (UpdateReplacePolicy is not set and defaults to Delete); set DeletionPolicy "
                    + "and UpdateReplacePolicy to Retain");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Orders/DeletionPolicy");
            assertThat(loc.column()).isEqualTo(3);
        });
    }

    @Test
    void firesOnAMissingUpdateReplacePolicyAlone() {
        assertThat(table(ON_KEY, "DeletionPolicy: Retain\n")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("DynamoDB table Orders is deleted with its data when an update "
                    + "replaces it (UpdateReplacePolicy is not set and defaults to Delete); set UpdateReplacePolicy to "
                    + "Retain");
            assertThat(((Location.Template) f.location()).logicalPath()).isEqualTo("Resources/Orders/UpdateReplacePolicy");
        });
    }

    @Test
    void pointsAtAnExplicitDeletePolicy() {
        List<Finding> findings = table("UpdateReplacePolicy: Retain\nDeletionPolicy: Delete  # expect DR04\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("(DeletionPolicy is Delete)").doesNotContain("UpdateReplacePolicy");
            assertThat(f.location().column()).isEqualTo(5);
        });
    }

    @Test
    void quietWhenBothPoliciesKeepTheData() {
        assertThat(table("DeletionPolicy: Retain\nUpdateReplacePolicy: Retain\n")).isEmpty();
        assertThat(table("DeletionPolicy: RetainExceptOnCreate\nUpdateReplacePolicy: Retain\n")).isEmpty();
        assertThat(table("DeletionPolicy: !Ref Keep\nUpdateReplacePolicy: !Ref Keep\n")).isEmpty();
    }

    @Test
    void quietWhenAPolicyIsUnknown() {
        assertThat(table("DeletionPolicy: Retain\nUpdateReplacePolicy: !Ref Policy\n")).isEmpty();
        assertThat(table("DeletionPolicy: Retain\nUpdateReplacePolicy: !If [Prod, Retain, Delete]\n")).isEmpty();
        assertThat(table("DeletionPolicy: !Ref Policy\nUpdateReplacePolicy: Retain\n")).isEmpty();
    }

    @Test
    void parameterDefaultsAndAgreeingBranchesCount() {
        assertThat(table("DeletionPolicy: !Ref Drop  # expect DR04\nUpdateReplacePolicy: Retain\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("(DeletionPolicy is Delete)"));
        assertThat(table("DeletionPolicy: Retain\n"
                + "UpdateReplacePolicy: !If [Prod, Delete, !Ref AWS::NoValue]  # expect DR04\n"))
                .singleElement().satisfies(f ->
                        assertThat(f.message()).contains("UpdateReplacePolicy is Delete whichever way its condition"));
    }

    @Test
    void rdsSnapshotsOnDeleteByDefaultButNotOnReplace() {
        List<Finding> findings = check("""
                Db:  # expect DR04
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: postgres}
                Cluster:  # expect DR04
                  Type: AWS::RDS::DBCluster
                  Properties: {Engine: aurora-postgresql}
                Member:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: aurora-postgresql, DBClusterIdentifier: !Ref Cluster}
                Kept:
                  Type: AWS::RDS::DBInstance
                  UpdateReplacePolicy: Snapshot
                  Properties: {Engine: postgres}
                Dropped:
                  Type: AWS::RDS::DBInstance
                  DeletionPolicy: Delete  # expect DR04
                  UpdateReplacePolicy: Snapshot
                  Properties: {Engine: postgres}
                """);
        assertThat(findings).extracting(f -> ((Location.Template) f.location()).resourceId())
                .containsExactly("Db", "Cluster", "Dropped");
        assertThat(findings.get(0).message()).isEqualTo("RDS DB instance Db is deleted with its data when an update "
                + "replaces it (UpdateReplacePolicy is not set and defaults to Delete); set UpdateReplacePolicy to "
                + "Retain or Snapshot");
        assertThat(findings.get(1).message()).startsWith("RDS DB cluster Cluster is deleted with its data when an "
                + "update replaces it");
        assertThat(findings.get(2).message()).contains("(DeletionPolicy is Delete)");
    }

    @Test
    void everyDataStoreTypeAndNothingElse() {
        List<Finding> findings = check("""
                Files:  # expect DR04
                  Type: AWS::EFS::FileSystem
                Lustre:  # expect DR04
                  Type: AWS::FSx::FileSystem
                Search:  # expect DR04
                  Type: AWS::OpenSearchService::Domain
                LegacySearch:  # expect DR04
                  Type: AWS::Elasticsearch::Domain
                Docs:  # expect DR04
                  Type: AWS::DocDB::DBCluster
                Graph:  # expect DR04
                  Type: AWS::Neptune::DBCluster
                Global:  # expect DR04
                  Type: AWS::DynamoDB::GlobalTable
                Queue:
                  Type: AWS::SQS::Queue
                Bucket:
                  Type: AWS::S3::Bucket
                """);
        assertThat(findings).extracting(f -> ((Location.Template) f.location()).resourceId())
                .containsExactly("Files", "Lustre", "Search", "LegacySearch", "Docs", "Graph", "Global");
        assertThat(findings).filteredOn(f -> f.message().startsWith("Neptune cluster"))
                .singleElement().satisfies(f -> assertThat(f.message()).endsWith("to Retain or Snapshot"));
        assertThat(StatefulResourceWithoutRetainPolicy.METADATA.sources()).containsExactly(SourceKind.TEMPLATE);
    }

    @Test
    void skipsResourcesThatAreNeverCreatedAndInstancesOfUnknownTopology() {
        assertThat(check("""
                Orders:
                  Type: AWS::DynamoDB::Table
                  Condition: Never
                Db:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: postgres, DBClusterIdentifier: !If [Prod, c1, !Ref AWS::NoValue]}
                """)).isEmpty();
    }

    @Test
    void samResourcesKeepTheirPolicies() {
        String sam = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sessions:%s
                    Type: AWS::Serverless::SimpleTable
                %s
                """;
        assertThat(Expect.analyzed(dir, sam.formatted("  # expect DR04", ""), "DR04")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("DynamoDB table Sessions is deleted with its data"));
        assertThat(Expect.analyzed(dir, sam.formatted("",
                "    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain"), "DR04")).isEmpty();
    }
}
