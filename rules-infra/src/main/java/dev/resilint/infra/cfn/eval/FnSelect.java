package dev.resilint.infra.cfn.eval;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code Fn::Select}: an item of a list in every possibility, any index of an {@link FnGetAZs} list. */
final class FnSelect {

    private FnSelect() {
    }

    static Value apply(Interpreter in, Node arg, Mark mark) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return Value.unknown(Reason.INVALID, "Fn::Select needs an index and a list");
        }
        Value index = in.eval(l.get(0));
        Optional<Long> i = index.asLong();
        if (i.isEmpty()) {
            return index.isUnknown() ? index.firstUnknown().orElseThrow()
                    : Value.unknown(Reason.INVALID, "Fn::Select index is not a number");
        }
        if (i.get() < 0 || i.get() > 1000) {
            return Value.unknown(Reason.INVALID, "Fn::Select index out of range: " + i.get());
        }
        int n = i.get().intValue();
        Value list = in.eval(l.get(1));
        List<Value> results = new ArrayList<>();
        for (Value option : list.possibilities()) {
            if (option instanceof Value.Known k && k.node() instanceof ListNode items
                    && items.tag().startsWith(Symbols.AZ_LIST)) {
                results.add(Value.known(FnGetAZs.zone(n, items.tag().substring(Symbols.AZ_LIST.length() + 1), mark)));
            } else if (option instanceof Value.Known k && k.node() instanceof ListNode items) {
                results.add(n < items.size() ? in.shallow(items.get(n))
                        : Value.unknown(Reason.INVALID, "Fn::Select index " + n + " beyond a list of " + items.size()));
            } else if (option instanceof Value.Unknown) {
                results.add(option);
            } else {
                results.add(Value.unknown(Reason.INVALID, "Fn::Select needs a list"));
            }
        }
        return Possibilities.merge(results);
    }
}
