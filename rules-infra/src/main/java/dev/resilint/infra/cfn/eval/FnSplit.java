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
import java.util.regex.Pattern;

/** {@code Fn::Split}: known when the delimiter and the string are literal. */
final class FnSplit {

    private FnSplit() {
    }

    static Value apply(Interpreter in, Node arg, Mark mark) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return Value.unknown(Reason.INVALID, "Fn::Split needs a delimiter and a string");
        }
        Optional<String> delimiter = literal(in.eval(l.get(0)));
        Value source = in.eval(l.get(1));
        Optional<String> text = literal(source);
        if (delimiter.isEmpty() || delimiter.get().isEmpty()) {
            return Value.unknown(Reason.INVALID, "Fn::Split delimiter is not a string");
        }
        if (text.isEmpty()) {
            return unknownPart(source);
        }
        return Value.known(splitText(text.get(), delimiter.get(), mark, false));
    }

    /** {@code text} split at every {@code delimiter}, empty parts kept; {@code trim} trims each part. */
    static ListNode splitText(String text, String delimiter, Mark mark, boolean trim) {
        List<Node> items = new ArrayList<>();
        for (String part : text.split(Pattern.quote(delimiter), -1)) {
            items.add(ScalarNode.string(trim ? part.trim() : part, mark));
        }
        return new ListNode(items, mark, "");
    }
}
