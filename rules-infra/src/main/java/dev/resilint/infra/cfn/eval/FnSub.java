package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Literals.literal;
import static dev.resilint.infra.cfn.eval.Literals.unknownPart;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Fn::Sub}, with or without a variable map: {@code ${Name}} is a variable, a {@code Ref}
 * or (with a dot) an {@code Fn::GetAtt}; {@code ${!Literal}} is the text {@code ${Literal}}.
 */
final class FnSub {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private FnSub() {
    }

    static Value apply(Interpreter in, Node arg, Mark mark) {
        return apply(in, arg, mark, false);
    }

    /**
     * With {@code placeholders}, variables that cannot be known stay as their {@code ${...}} text
     * instead of making the whole string unknown (for embedded JSON).
     */
    static Value apply(Interpreter in, Node arg, Mark mark, boolean placeholders) {
        String template;
        MapNode variables = null;
        if (arg instanceof ScalarNode s && !Symbols.isSymbolic(s)) {
            template = s.text();
        } else if (arg instanceof ListNode l && l.size() == 2 && l.get(0) instanceof ScalarNode s
                && l.get(1) instanceof MapNode vars) {
            template = s.text();
            variables = vars;
        } else {
            return Value.unknown(Reason.INVALID, "Fn::Sub needs a string, or a string and a map");
        }
        StringBuilder out = new StringBuilder();
        Matcher m = SUB_VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            in.budget().tick();
            out.append(template, last, m.start());
            last = m.end();
            String name = m.group(1);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
                continue;
            }
            Value v = variable(in, name.trim(), variables, mark);
            Optional<String> text = literal(v);
            if (text.isPresent()) {
                out.append(text.get());
            } else if (placeholders) {
                out.append(m.group());
            } else {
                return unknownPart(v);
            }
        }
        out.append(template.substring(last));
        return Value.known(ScalarNode.string(out.toString(), mark));
    }

    private static Value variable(Interpreter in, String name, MapNode variables, Mark mark) {
        if (variables != null && variables.has(name)) {
            return in.eval(variables.get(name).orElseThrow());
        }
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return FnGetAtt.apply(in, ScalarNode.string(name, mark), mark);
        }
        return Ref.apply(in, ScalarNode.string(name, mark), mark);
    }
}
