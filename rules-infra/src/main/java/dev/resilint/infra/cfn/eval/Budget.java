package dev.resilint.infra.cfn.eval;

import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The evaluation budget of one {@link Evaluator}: at most {@link Evaluator#MAX_STEPS} steps and
 * references nested at most {@link Evaluator#MAX_DEPTH} deep per top-level evaluation. Spending it
 * throws {@link TooComplex} from deep inside the interpreter; the outermost {@link #bounded} call
 * turns that into {@link Reason#TOO_COMPLEX}. Evaluations started while another runs (a
 * {@code Fn::GetAtt} that reads another resource's property) share the outer budget.
 */
final class Budget {

    private int steps;
    private int depth;
    private int entered;

    /** Thrown inside evaluation when the budget is spent; turned into {@link Reason#TOO_COMPLEX}. */
    static final class TooComplex extends RuntimeException {
        TooComplex(String message) {
            super(message, null, false, false);
        }
    }

    /** Runs a top-level evaluation with a fresh budget; {@code onTooComplex} shapes the result when it runs out. */
    <T> T bounded(Supplier<T> work, Function<Value.Unknown, T> onTooComplex) {
        boolean outermost = entered == 0;
        if (outermost) {
            steps = 0;
            depth = 0;
        }
        entered++;
        try {
            return work.get();
        } catch (TooComplex e) {
            if (!outermost) {
                throw e;
            }
            return onTooComplex.apply(Value.unknown(Reason.TOO_COMPLEX, e.getMessage()));
        } finally {
            entered--;
        }
    }

    Value boundedValue(Supplier<Value> work) {
        return bounded(work, u -> u);
    }

    /** Counts one evaluation step. */
    void tick() {
        if (++steps > Evaluator.MAX_STEPS) {
            throw new TooComplex("more than " + Evaluator.MAX_STEPS + " evaluation steps");
        }
    }

    /** Enters a function call or a named condition. */
    void enter() {
        if (++depth > Evaluator.MAX_DEPTH) {
            throw new TooComplex("references nested deeper than " + Evaluator.MAX_DEPTH);
        }
    }

    /** Leaves what {@link #enter} entered. */
    void leave() {
        depth--;
    }
}
