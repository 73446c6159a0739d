package dev.resilint.code.rules;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * The normal control flow of one method's instructions (jumps, switches and falling through;
 * exception edges left out): which instructions a run from a given one can reach.
 */
final class Flow {

    private final InsnList insns;

    Flow(InsnList insns) {
        this.insns = insns;
    }

    /**
     * The instructions reachable from {@code start} by normal flow without leaving
     * {@code [low, high]}; {@code start} itself included.
     */
    BitSet reachable(int start, int low, int high) {
        BitSet seen = new BitSet(insns.size());
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            int at = todo.pop();
            if (at < low || at > high || at >= insns.size() || seen.get(at)) {
                continue;
            }
            seen.set(at);
            AbstractInsnNode insn = insns.get(at);
            int op = insn.getOpcode();
            if (insn instanceof JumpInsnNode jump) {
                todo.push(insns.indexOf(jump.label));
                if (op != Opcodes.GOTO && op != Opcodes.JSR) {
                    todo.push(at + 1);
                }
            } else if (insn instanceof TableSwitchInsnNode table) {
                todo.push(insns.indexOf(table.dflt));
                for (LabelNode label : table.labels) {
                    todo.push(insns.indexOf(label));
                }
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                todo.push(insns.indexOf(lookup.dflt));
                for (LabelNode label : lookup.labels) {
                    todo.push(insns.indexOf(label));
                }
            } else if (!(op >= Opcodes.IRETURN && op <= Opcodes.RETURN) && op != Opcodes.ATHROW
                    && op != Opcodes.RET) {
                todo.push(at + 1);
            }
        }
        return seen;
    }
}
