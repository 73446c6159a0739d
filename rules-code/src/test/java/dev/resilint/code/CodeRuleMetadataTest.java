package dev.resilint.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.code.rules.CodeCondition;
import dev.resilint.core.RuleMetadata;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What every code rule's metadata says about the rule itself: its name is the name of the class
 * that implements it, its contract is written there, and its ArchUnit {@code because(...)} is
 * built from it rather than written a second time.
 */
class CodeRuleMetadataTest {

    @Test
    void theMetadataListNamesExactlyTheRulesInTheirOrder() {
        assertThat(CodeRules.metadata()).containsExactlyElementsOf(CodeRules.all().stream().map(CodeRule::metadata).toList());
    }

    @Test
    void everyRuleIsNamedAfterTheConditionThatImplementsIt() throws Exception {
        for (CodeRule rule : CodeRules.all()) {
            RuleMetadata meta = rule.metadata();
            assertThat(meta.implementation()).as(meta.id()).isNotEmpty();
            Class<?> implementation = Class.forName(meta.implementation());
            assertThat(meta.name()).as(meta.id()).isEqualTo(implementation.getSimpleName());
            assertThat(CodeCondition.class).as(meta.id()).isAssignableFrom(implementation);
            CodeCondition condition = (CodeCondition) implementation.getConstructor().newInstance();
            assertThat(rule.archRule().getDescription()).as(meta.id())
                    .startsWith("classes should " + condition.getDescription() + ", because ");
        }
    }

    @Test
    void everyRuleWritesItsContractInItsMetadata() {
        for (RuleMetadata meta : CodeRules.metadata()) {
            assertThat(meta.firesOn()).as(meta.id()).isNotEmpty();
            assertThat(meta.quietWhen()).as(meta.id()).isNotEmpty();
        }
    }

    @Test
    void becauseIsTheFirstSentenceOfTheRationaleWithIdAndWellArchitectedPractice() {
        for (CodeRule rule : CodeRules.all()) {
            RuleMetadata meta = rule.metadata();
            String description = rule.archRule().getDescription();
            String because = description.substring(description.indexOf(", because ") + ", because ".length());
            String practices = String.join(", ", meta.wellArchitected().stream()
                    .map(r -> r.label().split(" ", 2)[0]).toList()); // the ids, without the titles
            assertThat(because).as(meta.id()).endsWith(" (" + meta.id() + ", Well-Architected " + practices + ")");
            String sentence = because.substring(0, because.lastIndexOf(" (" + meta.id()));
            assertThat(sentence).as(meta.id()).doesNotContain(". ").isNotBlank();
            assertThat(meta.rationale().toLowerCase(Locale.ROOT)).as(meta.id())
                    .startsWith(sentence.toLowerCase(Locale.ROOT) + ".");
        }
    }
}
