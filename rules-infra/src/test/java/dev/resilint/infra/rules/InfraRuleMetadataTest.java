package dev.resilint.infra.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.RuleMetadata;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.ResourceRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every infrastructure rule's metadata says about the rule itself: its name is its class's,
 * its contract (fires on, quiet when) is written there, and it judges declared types.
 */
class InfraRuleMetadataTest {

    @Test
    void everyRuleIsNamedAfterItsImplementation() {
        for (InfraRule rule : InfraRules.all()) {
            RuleMetadata meta = rule.metadata();
            assertThat(meta.implementation()).as(meta.id()).isEqualTo(rule.getClass().getName());
            assertThat(meta.name()).as(meta.id()).isEqualTo(rule.getClass().getSimpleName());
        }
    }

    @Test
    void everyRuleWritesItsContractInItsMetadata() {
        for (RuleMetadata meta : InfraRules.metadata()) {
            assertThat(meta.firesOn()).as(meta.id() + " fires on").isNotEmpty();
            assertThat(meta.quietWhen()).as(meta.id() + " quiet when").isNotEmpty();
            assertThat(meta.firesOn()).as(meta.id()).allSatisfy(item -> assertThat(item).endsWith("."));
            assertThat(meta.quietWhen()).as(meta.id()).allSatisfy(item -> assertThat(item).endsWith("."));
        }
    }

    @Test
    void everyRuleJudgesSomeTypeAndOnlyTheWholeGraphRulesLoopThemselves() {
        for (InfraRule rule : InfraRules.all()) {
            assertThat(rule.metadata().judgedTypes()).as(rule.id()).isNotEmpty();
        }
        List<String> ownLoops = InfraRules.all().stream().filter(r -> !(r instanceof ResourceRule))
                .map(InfraRule::id).toList();
        assertThat(ownLoops).containsExactly("AZ05", "TO02");
    }
}
