package dev.resilint.core;

/**
 * A check. One small class (or constant) per rule: its {@link #metadata() metadata} says what it
 * is, {@link #check} looks at one target and reports what it finds through the context.
 *
 * <p>A rule must stay quiet when it cannot prove a problem. A rule that throws does not stop the
 * run: the engine records an internal error for it and goes on.
 *
 * @param <T> what the rule looks at (a resource graph, a set of classes)
 */
public interface Rule<T> {

    RuleMetadata metadata();

    void check(T target, RuleContext context) throws Exception;

    default String id() {
        return metadata().id();
    }

    /**
     * Whether the rule has anything to judge with these settings. A rule that is inactive until it is
     * configured (OB01 without {@code requiredTags}) says no, so that a source does not read data
     * for it and reports no gap for it.
     */
    default boolean isActive(RuleSettings settings) {
        return true;
    }
}
