package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Literals.literal;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.Optional;

/**
 * {@code Fn::GetAtt}, in list ({@code [Res, Attr]}) or dotted ({@code Res.Attr}) form: a symbolic
 * reference to the attribute, except a subnet's {@code AvailabilityZone}, which is the subnet's
 * {@code AvailabilityZone} property when it has one.
 */
final class FnGetAtt {

    private FnGetAtt() {
    }

    static Value apply(Interpreter in, Node arg, Mark mark) {
        String resourceId;
        String attribute;
        if (arg instanceof ListNode l && l.size() == 2) {
            Optional<String> id = literal(in.eval(l.get(0)));
            Optional<String> attr = literal(in.eval(l.get(1)));
            if (id.isEmpty() || attr.isEmpty()) {
                return Value.unknown(Reason.INVALID, "Fn::GetAtt needs a resource and an attribute");
            }
            resourceId = id.get();
            attribute = attr.get();
        } else if (arg instanceof ScalarNode s && s.text().indexOf('.') > 0) {
            resourceId = s.text().substring(0, s.text().indexOf('.'));
            attribute = s.text().substring(s.text().indexOf('.') + 1);
        } else {
            return Value.unknown(Reason.INVALID, "Fn::GetAtt needs a resource and an attribute");
        }
        Optional<Resource> target = in.graph().resource(resourceId);
        if (target.isEmpty()) {
            return Value.unknown(Reason.MISSING_REFERENCE, "Fn::GetAtt " + resourceId + "." + attribute);
        }
        if (target.get().type().equals("AWS::EC2::Subnet") && attribute.equals("AvailabilityZone")) {
            Value zone = in.property(target.get(), "AvailabilityZone");
            return zone.isAbsent() ? Value.unknown(Reason.RUNTIME_ATTRIBUTE,
                    "subnet " + resourceId + " has no AvailabilityZone; AWS picks one") : zone;
        }
        return Value.known(Symbols.getAtt(resourceId, attribute, mark));
    }
}
