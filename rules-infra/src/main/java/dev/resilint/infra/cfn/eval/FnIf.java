package dev.resilint.infra.cfn.eval;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.List;
import java.util.Optional;

/** {@code Fn::If}: the branch of a known condition, both branches as possibilities of an unknown one. */
final class FnIf {

    private FnIf() {
    }

    static Value apply(Interpreter in, Node arg, Mark mark) {
        if (!(arg instanceof ListNode l) || l.size() != 3 || !(l.get(0) instanceof ScalarNode cond)) {
            return Value.unknown(Reason.INVALID, "Fn::If needs a condition name and two values");
        }
        Optional<Boolean> holds = in.conditions().named(cond.text());
        if (holds.isPresent()) {
            return in.eval(l.get(holds.get() ? 1 : 2));
        }
        return Possibilities.merge(List.of(in.eval(l.get(1)), in.eval(l.get(2))));
    }
}
