package dev.resilint.core;

import java.util.List;

/** What a rule gets to report findings and read its configured parameters. */
public interface RuleContext {

    /** Reports a finding at {@code location}. */
    default void report(Location location, String message) {
        report(location, message, "");
    }

    /**
     * Reports a finding. {@code discriminator} keeps fingerprints apart when one rule reports
     * several findings at the same logical path (for example one per Step Functions state).
     */
    void report(Location location, String message, String discriminator);

    /** The configured value of an integer parameter, or its default. */
    int intParameter(String name);

    boolean booleanParameter(String name);

    String stringParameter(String name);

    List<String> listParameter(String name);

    /** Tag keys every taggable resource must carry ({@code requiredTags} in the configuration). */
    List<String> requiredTags();
}
