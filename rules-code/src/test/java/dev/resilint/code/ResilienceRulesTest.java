package dev.resilint.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The ArchUnit rules on their own: what a failing {@code @ArchTest} tells a developer. */
class ResilienceRulesTest {

    private static final JavaClasses FIRING = Fixtures.importPackage("firing", false);
    private static final JavaClasses COMPLIANT = Fixtures.importPackage("compliant", false);

    @Test
    void aFailingRuleSaysWhyAndPointsAtTheLine() {
        assertThatThrownBy(() -> ResilienceRules.SDK_CLIENTS_SHOULD_SET_TIMEOUTS.check(FIRING))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("classes should set timeouts on the AWS SDK clients they build, because an "
                        + "AWS SDK v2 client has no overall API call timeout by default: a call to a slow or "
                        + "unreachable endpoint lasts as long as all its retries and their socket reads take "
                        + "(CT01, Well-Architected REL05-BP05)")
                .hasMessageContaining("was violated (4 times)")
                .hasMessageContaining("dev.resilint.code.fixtures.firing.SdkClients.defaults(): AWS SDK client "
                        + "DynamoDbClient is built without timeouts")
                .hasMessageContaining("in (SdkClients.java:18)");
    }

    @Test
    void everyRuleFailsOnTheFiringFixturesAndPassesOnTheCompliantOnes() {
        for (ArchRule rule : ResilienceRules.all()) {
            assertThat(rule.evaluate(FIRING).hasViolation()).as(rule.getDescription()).isTrue();
            assertThat(rule.evaluate(COMPLIANT).hasViolation()).as(rule.getDescription()).isFalse();
            assertThat(rule.getDescription()).contains(", because ");
        }
    }

    @Test
    void aRuleCanBeNarrowedLikeAnyArchRule() {
        ArchRule onlyCaches = ResilienceRules.LOCAL_CACHES_SHOULD_EXPIRE_ENTRIES;
        JavaClasses noCaches = Fixtures.importPackage("firing.none", false);
        assertThat(onlyCaches.evaluate(noCaches).hasViolation()).isFalse(); // empty is fine: allowEmptyShould
    }
}
