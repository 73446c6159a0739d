package dev.resilint.infra.graph;

/**
 * A rule read a resource type its metadata does not declare. A bug in the rule: its declared types
 * decide where a live scan can evaluate it, so they must be all it reads. Tests fail on it; at run
 * time it is the rule's internal error.
 */
public final class UndeclaredTypeException extends IllegalStateException {

    public UndeclaredTypeException(String ruleId, String type) {
        super("rule " + ruleId + " reads " + type + ", which its metadata does not declare");
    }
}
