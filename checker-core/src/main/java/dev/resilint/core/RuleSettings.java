package dev.resilint.core;

import java.util.List;
import java.util.Map;

/**
 * What the engine needs to know of the configuration to run rules: which run, with what severity
 * and parameters. {@link dev.resilint.core.config.Config} is the implementation users write.
 */
public interface RuleSettings {

    /** Whether the rule runs. */
    boolean isEnabled(String ruleId);

    /** Severity overrides by rule id. */
    Map<String, Severity> severity();

    /** Parameter values by rule id and parameter name. */
    Map<String, Map<String, Object>> ruleParameters();

    /** Tag keys every taggable resource must carry. */
    List<String> requiredTags();
}
