package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Literals.literal;

import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.Optional;

/**
 * {@code Ref}: {@code AWS::NoValue} is absent, other pseudo parameters are unknown, a parameter is
 * its value (see {@link Parameters}), a resource stays a symbolic reference to it.
 */
final class Ref {

    private Ref() {
    }

    static Value apply(Interpreter in, Node arg, Mark mark) {
        Optional<String> name = literal(in.eval(arg));
        if (name.isEmpty()) {
            return Value.unknown(Reason.INVALID, "Ref needs a name");
        }
        String n = name.get();
        if (n.equals("AWS::NoValue")) {
            return Value.ABSENT;
        }
        if (n.startsWith("AWS::")) {
            return Value.unknown(Reason.PSEUDO_PARAMETER, n);
        }
        EvaluationContext context = in.context();
        if (context.hasParameter(n) || context.parameterValue(n).isPresent()) {
            return Parameters.value(in, n);
        }
        if (in.graph().resource(n).isPresent()) {
            return Value.known(Symbols.ref(n, mark));
        }
        return Value.unknown(Reason.MISSING_REFERENCE, "Ref " + n);
    }
}
