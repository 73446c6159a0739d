package dev.resilint.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.twin.Scans;
import dev.resilint.live.twin.WebTierTwinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped IAM policy is exactly what the scan calls, read only: the docs are generated from
 * {@link IamPolicy}, no action writes or reads data, and a scan never calls an action the policy
 * does not list.
 */
class IamPolicyTest {

    static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();
    static final FakeAws FAKE = FakeAws.start();

    @AfterAll
    static void close() {
        FAKE.close();
    }

    @Test
    void theDocsHoldTheGeneratedPolicyAndRoleTemplate() throws Exception {
        String hint = "regenerate with: java -jar cli/target/resilint.jar scan --print-iam-policy > docs/iam-policy.json"
                + " (and --print-role-template > docs/readonly-role.yaml)";
        assertThat(Files.readString(DOCS.resolve("iam-policy.json"))).as(hint).isEqualTo(IamPolicy.json());
        assertThat(Files.readString(DOCS.resolve("readonly-role.yaml"))).as(hint).isEqualTo(IamPolicy.roleTemplate());
        for (String action : IamPolicy.actions()) {
            assertThat(IamPolicy.roleTemplate()).contains("- " + action + "\n");
        }
    }

    @Test
    void theDocsHoldTheGeneratedAggregatorPolicyOfConfigReadsOnly() throws Exception {
        assertThat(Files.readString(DOCS.resolve("iam-policy-aggregator.json")))
                .as("regenerate with: java -jar cli/target/resilint.jar scan --source config-aggregator "
                        + "--print-iam-policy > docs/iam-policy-aggregator.json")
                .isEqualTo(IamPolicy.aggregatorJson());
        assertThat(IamPolicy.aggregatorActions()).isNotEmpty().allSatisfy(action -> {
            assertThat(action).as(action).matches("config:(Describe[A-Za-z]*|SelectAggregateResourceConfig)");
        });
    }

    @Test
    void everyActionReadsConfigurationAndNothingElse() {
        assertThat(IamPolicy.actions()).isNotEmpty().allSatisfy(action -> {
            String verb = action.substring(action.indexOf(':') + 1);
            assertThat(verb).as(action).matches("(Describe|List|Get|BatchGet)[A-Za-z]*|GET");
        });
        assertThat(IamPolicy.actions()).doesNotContain("sqs:ReceiveMessage", "dynamodb:Scan", "dynamodb:Query",
                "dynamodb:GetItem", "s3:GetObject", "lambda:GetFunction", "states:GetExecutionHistory");
    }

    @Test
    void aScanCallsOnlyActionsThePolicyLists() {
        WebTierTwinTest.serve(FAKE.account(WebTierTwinTest.ACCOUNT).region(WebTierTwinTest.REGION));
        Scans.run(Scans.caller(FAKE, WebTierTwinTest.ACCOUNT, WebTierTwinTest.REGION));
        Set<String> called = new TreeSet<>(FAKE.calls().iamActions());
        // GetCallerIdentity needs no permission; AssumeRole is the scanner's own right, not the role's
        called.removeAll(List.of("sts:GetCallerIdentity", "sts:AssumeRole"));
        assertThat(called).isNotEmpty();
        assertThat(IamPolicy.actions()).containsAll(called);
    }
}
