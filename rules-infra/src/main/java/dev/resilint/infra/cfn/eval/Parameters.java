package dev.resilint.infra.cfn.eval;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value of a template parameter: the value a parent stack passes, else its {@code Default}
 * (split at commas for list types), else the possibilities its {@code AllowedValues} give (up to
 * {@value Possibilities#MAX_POSSIBILITIES}), else {@link Reason#PARAMETER_WITHOUT_DEFAULT}.
 */
final class Parameters {

    private Parameters() {
    }

    static Value value(Interpreter in, String name) {
        EvaluationContext context = in.context();
        Optional<Value> given = context.parameterValue(name);
        if (given.isPresent()) {
            return given.get();
        }
        MapNode def = context.parameter(name).orElse(null);
        if (def == null) {
            return Value.unknown(Reason.INVALID, "parameter " + name + " is not a map");
        }
        String type = def.get("Type").orElse(null) instanceof ScalarNode t ? t.text() : "String";
        boolean list = type.startsWith("List<") || type.equals("CommaDelimitedList");
        Optional<Node> dflt = def.get("Default");
        if (dflt.isPresent() && dflt.get() instanceof ScalarNode s && !s.isNull()) {
            return list ? Value.known(FnSplit.splitText(s.text(), ",", s.mark(), true)) : Value.known(s);
        }
        if (dflt.isPresent() && dflt.get() instanceof ListNode l) {
            return in.eval(l);
        }
        if (!list && def.get("AllowedValues").orElse(null) instanceof ListNode allowed && allowed.size() > 0
                && allowed.size() <= Possibilities.MAX_POSSIBILITIES) {
            List<Value> options = new ArrayList<>();
            for (Node v : allowed.items()) {
                options.add(in.eval(v));
            }
            return Possibilities.merge(options);
        }
        return Value.unknown(Reason.PARAMETER_WITHOUT_DEFAULT, "Ref " + name);
    }
}
