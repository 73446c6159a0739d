package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Literals.literal;
import static dev.resilint.infra.cfn.eval.Literals.unknownPart;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Fn::FindInMap}, with the {@code DefaultValue} option of the language extensions: looked up
 * for every possibility of each of the three keys.
 */
final class FnFindInMap {

    private FnFindInMap() {
    }

    static Value apply(Interpreter in, Node arg, Mark mark) {
        if (!(arg instanceof ListNode l) || l.size() < 3 || l.size() > 4) {
            return Value.unknown(Reason.INVALID, "Fn::FindInMap needs a map name and two keys");
        }
        List<Value> keys = List.of(in.eval(l.get(0)), in.eval(l.get(1)), in.eval(l.get(2)));
        Node fallback = null;
        if (l.size() == 4 && l.get(3) instanceof MapNode opts) {
            fallback = opts.get("DefaultValue").orElse(null);
        }
        List<Value> results = new ArrayList<>();
        for (Value mapName : keys.get(0).possibilities()) {
            for (Value top : keys.get(1).possibilities()) {
                for (Value second : keys.get(2).possibilities()) {
                    results.add(lookup(in, mapName, top, second, fallback));
                }
            }
        }
        return Possibilities.merge(results);
    }

    private static Value lookup(Interpreter in, Value mapName, Value top, Value second, Node fallback) {
        for (Value key : List.of(mapName, top, second)) {
            if (literal(key).isEmpty()) {
                return unknownPart(key);
            }
        }
        Optional<Node> found = in.context().mappings().get(literal(mapName).orElseThrow())
                .flatMap(m -> m instanceof MapNode mm ? mm.get(literal(top).orElseThrow()) : Optional.empty())
                .flatMap(m -> m instanceof MapNode mm ? mm.get(literal(second).orElseThrow()) : Optional.empty());
        if (found.isPresent()) {
            return in.eval(found.get());
        }
        if (fallback != null) {
            return in.eval(fallback);
        }
        return Value.unknown(Reason.INVALID, "Fn::FindInMap finds nothing for " + literal(mapName).orElseThrow()
                + "/" + literal(top).orElseThrow() + "/" + literal(second).orElseThrow());
    }
}
