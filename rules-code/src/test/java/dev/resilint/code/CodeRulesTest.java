package dev.resilint.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.resilint.core.Finding;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every code rule on the fixtures: it fires exactly where a firing fixture says
 * ({@code // expect CT01 member}: rule, class, member, source file and line) and stays quiet on
 * every compliant one. Both with resilint's import (missing classes unresolved, library classes
 * known only by name) and with a team's ArchUnit import (resolved from the class path).
 */
class CodeRulesTest {

    @ParameterizedTest(name = "resolve missing classes from the class path: {0}")
    @ValueSource(booleans = {false, true})
    void firingFixturesFireExactlyWhereTheySay(boolean resolve) {
        JavaClasses classes = Fixtures.importPackage("firing", resolve);
        List<String> actual = Fixtures.findings(classes).stream().map(Fixtures::describe).toList();
        List<String> expected = Fixtures.expected("firing");
        assertThat(expected).hasSizeGreaterThan(30);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "resolve missing classes from the class path: {0}")
    @ValueSource(booleans = {false, true})
    void compliantFixturesStayQuiet(boolean resolve) {
        JavaClasses classes = Fixtures.importPackage("compliant", resolve);
        assertThat(classes.size()).isGreaterThan(15);
        assertThat(Fixtures.findings(classes)).extracting(Fixtures::describe).isEmpty();
        assertThat(Fixtures.expected("compliant")).isEmpty();
    }

    @Test
    void everyRuleFiresOnSomeFixture() {
        List<Finding> findings = Fixtures.findings(Fixtures.importPackage("firing", false));
        assertThat(findings).extracting(Finding::ruleId).containsAll(
                CodeRules.all().stream().map(CodeRule::id).toList());
    }

    @Test
    void messagesSayWhatIsMissingAndHowToFixIt() {
        List<Finding> findings = Fixtures.findings(Fixtures.importPackage("firing", false));
        assertThat(message(findings, "CT01", "builder")).startsWith("AWS SDK client DynamoDbClient is built without "
                + "timeouts").contains("apiCallTimeout");
        assertThat(message(findings, "CT01", "defaults")).contains("DynamoDbClient");
        assertThat(message(findings, "CT02", "fetch")).contains("setReadTimeout").doesNotContain("setConnectTimeout or");
        assertThat(message(findings, "CT03", "future")).contains("Future.get()", "get(timeout, unit)");
        assertThat(message(findings, "CT03", "queue")).contains("BlockingQueue.take()", "poll(timeout, unit)");
        assertThat(message(findings, "CR01", "fixedDelay")).contains("Thread.sleep", "jitter");
        assertThat(message(findings, "CR01", "timeUnit")).contains("TimeUnit.sleep");
        assertThat(message(findings, "CR01", "exponential")).contains("@Retryable", "random = true");
        assertThat(message(findings, "CC01", "guava")).startsWith("Guava cache").contains("expireAfterWrite");
        assertThat(message(findings, "CL01", "client")).contains("client, called only from handleRequest,");
        assertThat(message(findings, "CC02", "jedisSet")).contains("Jedis Jedis.set", "SetParams.setParams().ex");
        assertThat(message(findings, "CC02", "springSet")).contains("Spring Data Redis ValueOperations.set");
        assertThat(message(findings, "CR02", "policyNone")).contains("RetryPolicy.none()", "apiCallTimeout");
        assertThat(message(findings, "CR02", "oneAttempt")).contains("StandardRetryStrategy.Builder.maxAttempts(1)");
        assertThat(message(findings, "CL02", "cached")).contains("newCachedThreadPool", "ArrayBlockingQueue");
        assertThat(message(findings, "CL02", "unboundedQueue")).contains("LinkedBlockingQueue without a capacity");
        assertThat(message(findings, "CL02", "handMadeCachedPool")).contains("Integer.MAX_VALUE threads");
    }

    @Test
    void findingsOfOneMemberKeepDistinctFingerprints() {
        List<Finding> findings = Fixtures.findings(Fixtures.importPackage("firing", false));
        assertThat(findings).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void metadataIsForCodeAndNamedAsInTheCatalog() {
        assertThat(CodeRules.all()).extracting(CodeRule::id)
                .containsExactly("CC01", "CC02", "CL01", "CL02", "CR01", "CR02", "CT01", "CT02", "CT03");
        assertThat(CodeRules.metadata()).extracting(RuleMetadata::name).containsExactly("LocalCacheWithoutExpiry",
                "RemoteCacheWriteWithoutTtl", "ClientCreatedPerInvocation", "UnboundedExecutor", "RetryWithoutBackoffJitter", "SdkRetriesDisabled",
                "SdkClientWithoutTimeouts", "HttpClientWithoutTimeouts", "UnboundedBlockingWait");
        for (RuleMetadata rule : CodeRules.metadata()) {
            assertThat(rule.sources()).containsExactly(SourceKind.CODE);
            assertThat(rule.defaultSeverity()).isEqualTo(Severity.WARNING);
            assertThat(rule.wellArchitected()).extracting(r -> r.label().split(" ", 2)[0]).containsAnyOf("REL05-BP03", "REL05-BP04", "REL05-BP05");
        }
        assertThat(ResilienceRules.all()).containsExactlyElementsOf(
                CodeRules.all().stream().map(CodeRule::archRule).toList());
    }

    @Test
    void eachRuleNamesItsArchUnitConstant() throws Exception {
        for (CodeRule rule : CodeRules.all()) {
            String label = rule.metadata().references().stream().map(r -> r.label())
                    .filter(l -> l.startsWith("ArchUnit rule ResilienceRules.")).findFirst().orElseThrow();
            Object constant = ResilienceRules.class.getField(label.substring(label.lastIndexOf('.') + 1)).get(null);
            assertThat(constant).as(rule.id()).isSameAs(rule.archRule());
        }
    }

    private static String message(List<Finding> findings, String ruleId, String member) {
        return findings.stream()
                .filter(f -> f.ruleId().equals(ruleId) && f.location().subject().endsWith("#" + member))
                .findFirst().orElseThrow(() -> new AssertionError("no " + ruleId + " finding in " + member))
                .message();
    }
}
