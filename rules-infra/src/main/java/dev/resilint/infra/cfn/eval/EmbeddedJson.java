package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Literals.literal;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON written as a string ({@link Evaluator#embeddedJson}): the text is built with
 * {@code Fn::Sub} or {@code Fn::Join}, parts that cannot be known replaced by their
 * {@code ${...}} text, and parsed; other functions around it ({@code Fn::If}, a {@code Ref} to a
 * parameter) are evaluated first. A map is evaluated as it is.
 */
final class EmbeddedJson {

    private EmbeddedJson() {
    }

    /** The parsed JSON of one possibility of the property. */
    static Value of(Interpreter in, Value option) {
        if (!(option instanceof Value.Known k)) {
            return option;
        }
        Node node = k.node();
        if (node instanceof MapNode m && !Interpreter.isFunction(m)) {
            return in.eval(m);
        }
        if (node instanceof MapNode m && Interpreter.isFunction(m)) {
            String fn = m.keys().get(0);
            if (!fn.equals("Fn::Sub") && !fn.equals("Fn::Join")) {
                // Fn::If, Ref to a parameter and the like: evaluate first, then read each possibility
                List<Value> results = new ArrayList<>();
                for (Value p : in.eval(m).possibilities()) {
                    results.add(p instanceof Value.Known known && !Interpreter.isFunction(known.node()) ? of(in, p) : p);
                }
                return Possibilities.merge(results);
            }
        }
        Optional<String> text = textWithPlaceholders(in, node);
        if (text.isEmpty()) {
            return Value.unknown(Reason.UNSUPPORTED_FUNCTION, "JSON text built in a way resilint cannot follow");
        }
        String json = text.get().strip();
        if (!json.startsWith("{") && !json.startsWith("[")) {
            return Value.unknown(Reason.INVALID, "not a JSON object or array");
        }
        try {
            return Value.known(new TreeReader().parse(json, "embedded JSON"));
        } catch (TreeReadException e) {
            return Value.unknown(Reason.INVALID, "not valid JSON after substitution: " + e.getMessage());
        }
    }

    /**
     * One possibility of a script carried as a string ({@link Evaluator#scriptText}): an
     * {@code Fn::Base64} around it undone, its text built as for JSON, parts that cannot be known
     * replaced by their {@code ${...}} text.
     */
    static Value script(Interpreter in, Value option) {
        if (!(option instanceof Value.Known k)) {
            return option;
        }
        Node node = k.node();
        if (node instanceof MapNode m && m.size() == 1 && m.has("Fn::Base64")) {
            node = m.get("Fn::Base64").orElseThrow();
        }
        Optional<String> text = textWithPlaceholders(in, node);
        if (text.isEmpty()) {
            return Value.unknown(Reason.UNSUPPORTED_FUNCTION, "script text built in a way resilint cannot follow");
        }
        return Value.known(ScalarNode.string(text.get(), node.mark()));
    }

    private static Optional<String> textWithPlaceholders(Interpreter in, Node node) {
        if (node instanceof ScalarNode s && !Symbols.isSymbolic(s)) {
            return Optional.of(s.text());
        }
        if (node instanceof MapNode m && m.size() == 1) {
            String fn = m.keys().get(0);
            Node arg = m.get(fn).orElseThrow();
            if (fn.equals("Fn::Sub")) {
                return literal(FnSub.apply(in, arg, m.mark(), true));
            }
            if (fn.equals("Fn::Join") && arg instanceof ListNode l && l.size() == 2
                    && l.get(1) instanceof ListNode parts) {
                Optional<String> delimiter = literal(in.eval(l.get(0)));
                if (delimiter.isEmpty()) {
                    return Optional.empty();
                }
                List<String> texts = new ArrayList<>();
                for (Node part : parts.items()) {
                    Optional<String> t = textWithPlaceholders(in, part);
                    if (t.isEmpty()) {
                        Value v = in.eval(part);
                        t = literal(v).or(() -> Optional.of("${" + describePlaceholder(part) + "}"));
                    }
                    texts.add(t.get());
                }
                return Optional.of(String.join(delimiter.get(), texts));
            }
            Optional<String> lit = literal(in.eval(node));
            return lit.isPresent() ? lit : Optional.of("${" + describePlaceholder(node) + "}");
        }
        return Optional.empty();
    }

    private static String describePlaceholder(Node node) {
        if (node instanceof MapNode m && m.size() == 1) {
            Node arg = m.get(m.keys().get(0)).orElseThrow();
            if (arg instanceof ScalarNode s) {
                return s.text();
            }
            if (arg instanceof ListNode l && l.size() == 2 && l.get(0) instanceof ScalarNode a
                    && l.get(1) instanceof ScalarNode b) {
                return a.text() + "." + b.text();
            }
        }
        return "unknown";
    }
}
