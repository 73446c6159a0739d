package dev.resilint.infra.cfn.eval;

import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.Optional;

/** Reading evaluated values as the literal text that string functions need. */
final class Literals {

    private Literals() {
    }

    /** A literal, non-symbolic scalar's text. */
    static Optional<String> literal(Value value) {
        if (value instanceof Value.Known k && k.node() instanceof ScalarNode s && !s.isNull()
                && !Symbols.isSymbolic(s)) {
            return Optional.of(s.text());
        }
        return Optional.empty();
    }

    /** Why a part that {@link #literal} could not read makes the whole result unknown. */
    static Value unknownPart(Value part) {
        if (part.isUnknown()) {
            return part.firstUnknown().orElseThrow();
        }
        if (part instanceof Value.OneOf) {
            return Value.unknown(Reason.UNKNOWN_CONDITION, "part depends on a condition");
        }
        Optional<Symbols.ResourceRef> ref = part.asResourceRef();
        if (ref.isPresent()) {
            return Value.unknown(Reason.RUNTIME_ATTRIBUTE, ref.get().attribute().isEmpty()
                    ? "the physical id of " + ref.get().resourceId()
                    : ref.get().resourceId() + "." + ref.get().attribute());
        }
        return Value.unknown(Reason.INVALID, "expected a string");
    }
}
