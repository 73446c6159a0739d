package dev.resilint.code;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.resilint.code.rules.Violation;
import dev.resilint.core.Rule;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import java.util.Collection;
import java.util.Objects;

/**
 * A code rule for resilint's engine: the metadata that documents it and the ArchUnit rule from
 * {@link ResilienceRules} that decides it. Each ArchUnit violation becomes a finding at the class,
 * member, source file and line of the {@link Violation} behind it.
 */
public record CodeRule(RuleMetadata metadata, ArchRule archRule) implements Rule<CodeTarget> {

    public CodeRule {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(archRule, "archRule");
    }

    @Override
    public void check(CodeTarget target, RuleContext context) {
        EvaluationResult result = archRule.evaluate(target.classes());
        result.handleViolations((Collection<Violation> violations, String message) -> {
            for (Violation v : violations) {
                context.report(target.locate(v), v.message(), v.key());
            }
        });
    }
}
