package dev.resilint.core.budget;

import java.util.Optional;

/**
 * Reads the code side of the timeout budget: the SDK timeouts a handler class sets. Implemented
 * over compiled classes by the code rules' module, so that the core does not depend on it.
 */
@FunctionalInterface
public interface HandlerReader {

    /** Reads nothing: the join has no classes to look at. */
    HandlerReader NONE = className -> Optional.empty();

    /**
     * What {@code className} and the classes nested in it set, when it is among the classes read,
     * builds AWS SDK clients, and every timeout and attempt count it sets is a constant; empty
     * otherwise (then nothing is reported for its functions).
     */
    Optional<HandlerTimeouts> read(String className);
}
