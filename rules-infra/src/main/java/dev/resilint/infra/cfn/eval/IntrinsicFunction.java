package dev.resilint.infra.cfn.eval;

import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.graph.Value;

/** One intrinsic function: the value of a call, from its argument as written and the call's position. */
@FunctionalInterface
interface IntrinsicFunction {

    /**
     * @param in the interpreter, to evaluate the argument's parts in the template's context
     * @param arg the argument as written (the value of the one-entry map)
     * @param mark where the call is written, for the nodes the function creates
     */
    Value apply(Interpreter in, Node arg, Mark mark);
}
