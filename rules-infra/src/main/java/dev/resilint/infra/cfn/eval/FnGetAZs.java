package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Literals.literal;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.List;
import java.util.Optional;

/**
 * {@code Fn::GetAZs}: a list of symbolic zones ({@link Symbols#az}) of the stack's region or of a
 * literal region, tagged {@link Symbols#AZ_LIST} so that {@link FnSelect} can reach any index.
 */
final class FnGetAZs {

    private FnGetAZs() {
    }

    static Value apply(Interpreter in, Node arg, Mark mark) {
        Optional<String> region = regionOf(in, arg);
        if (region.isEmpty()) {
            return Value.unknown(Reason.UNSUPPORTED_FUNCTION, "Fn::GetAZs of a region that cannot be known");
        }
        // At least two zones exist in every region; Fn::Select reaches further ones by index.
        List<Node> zones = List.of(zone(0, region.get(), mark), zone(1, region.get(), mark));
        return Value.known(new ListNode(zones, mark, Symbols.AZ_LIST + ":" + region.get()));
    }

    /** "" for the stack's own region, the region name for a literal one; empty when unknown. */
    private static Optional<String> regionOf(Interpreter in, Node arg) {
        if (arg instanceof ScalarNode s && !Symbols.isSymbolic(s)) {
            return Optional.of(s.text().trim());
        }
        if (arg instanceof MapNode m && m.size() == 1 && m.get("Ref").orElse(null) instanceof ScalarNode r
                && r.text().equals("AWS::Region")) {
            return Optional.of("");
        }
        return literal(in.eval(arg));
    }

    /** The symbolic zone at {@code index} of the stack's region ({@code ""}) or of {@code region}. */
    static ScalarNode zone(int index, String region, Mark mark) {
        ScalarNode az = Symbols.az(index, mark);
        return region.isEmpty() ? az
                : new ScalarNode(az.text() + "@" + region, ScalarNode.Type.STRING, mark, Symbols.AZ);
    }
}
