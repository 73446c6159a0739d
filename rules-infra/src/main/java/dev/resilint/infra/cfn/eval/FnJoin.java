package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Literals.literal;
import static dev.resilint.infra.cfn.eval.Literals.unknownPart;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code Fn::Join}: known only when the delimiter and every item are literal strings. */
final class FnJoin {

    private FnJoin() {
    }

    static Value apply(Interpreter in, Node arg, Mark mark) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return Value.unknown(Reason.INVALID, "Fn::Join needs a delimiter and a list");
        }
        Optional<String> delimiter = literal(in.eval(l.get(0)));
        Value items = in.eval(l.get(1));
        if (delimiter.isEmpty()) {
            return Value.unknown(Reason.INVALID, "Fn::Join delimiter is not a string");
        }
        Optional<List<Value>> list = items.asList();
        if (list.isEmpty()) {
            return items.isUnknown() ? items.firstUnknown().orElseThrow()
                    : Value.unknown(Reason.UNKNOWN_CONDITION, "Fn::Join list depends on a condition");
        }
        List<String> parts = new ArrayList<>();
        for (Value item : list.get()) {
            Optional<String> text = literal(item);
            if (text.isEmpty()) {
                return unknownPart(item);
            }
            parts.add(text.get());
        }
        return Value.known(ScalarNode.string(String.join(delimiter.get(), parts), mark));
    }
}
