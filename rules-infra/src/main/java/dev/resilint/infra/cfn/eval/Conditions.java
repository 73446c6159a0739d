package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Literals.literal;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The template's named conditions in three-valued logic: true, false, or empty when they depend on
 * something unknown ({@code Fn::Equals} of unknown values, an undefined or circular condition).
 * {@code Fn::And} and {@code Fn::Or} short-circuit on a known operand even when others are unknown.
 * Results are cached per name.
 */
final class Conditions {

    private final Interpreter in;
    private final Map<String, Optional<Boolean>> cache = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    Conditions(Interpreter in) {
        this.in = in;
    }

    /** The value of the condition {@code name}. */
    Optional<Boolean> named(String name) {
        if (cache.containsKey(name)) {
            return cache.get(name);
        }
        Optional<Node> def = in.context().conditions().get(name);
        if (def.isEmpty() || !inProgress.add(name)) {
            return Optional.empty(); // undefined or circular
        }
        Optional<Boolean> result;
        try {
            in.budget().enter();
            result = value(def.get());
        } finally {
            in.budget().leave();
            inProgress.remove(name);
        }
        cache.put(name, result);
        return result;
    }

    private Optional<Boolean> value(Node node) {
        in.budget().tick();
        if (!(node instanceof MapNode m) || m.size() != 1) {
            return node instanceof ScalarNode s ? parseBoolean(s.text()) : Optional.empty();
        }
        String fn = m.keys().get(0);
        Node arg = m.get(fn).orElseThrow();
        switch (fn) {
            case "Condition":
                return arg instanceof ScalarNode s ? named(s.text()) : Optional.empty();
            case "Fn::Not":
                if (arg instanceof ListNode l && l.size() == 1) {
                    return value(l.get(0)).map(b -> !b);
                }
                return Optional.empty();
            case "Fn::And":
            case "Fn::Or":
                return andOr(fn.equals("Fn::And"), arg);
            case "Fn::Equals":
                return equalsFunction(arg);
            default:
                return Optional.empty();
        }
    }

    private Optional<Boolean> andOr(boolean and, Node arg) {
        if (!(arg instanceof ListNode l)) {
            return Optional.empty();
        }
        boolean unknown = false;
        for (Node item : l.items()) {
            Optional<Boolean> v = value(item);
            if (v.isEmpty()) {
                unknown = true;
            } else if (v.get() != and) {
                return Optional.of(!and); // false short-circuits And, true short-circuits Or
            }
        }
        return unknown ? Optional.empty() : Optional.of(and);
    }

    /** True or false when every pair of possibilities agrees on it. */
    private Optional<Boolean> equalsFunction(Node arg) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return Optional.empty();
        }
        Value a = in.eval(l.get(0));
        Value b = in.eval(l.get(1));
        Boolean result = null;
        for (Value x : a.possibilities()) {
            for (Value y : b.possibilities()) {
                Optional<String> sx = literal(x);
                Optional<String> sy = literal(y);
                if (sx.isEmpty() || sy.isEmpty()) {
                    return Optional.empty();
                }
                boolean eq = sx.get().equals(sy.get());
                if (result != null && result != eq) {
                    return Optional.empty();
                }
                result = eq;
            }
        }
        return Optional.ofNullable(result);
    }

    private static Optional<Boolean> parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Optional.of(Boolean.TRUE);
        }
        if (text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }
}
