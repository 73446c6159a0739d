package dev.resilint.core.tree;

import java.util.List;
import java.util.Objects;

/** A YAML sequence or JSON array. */
public record ListNode(List<Node> items, Mark mark, String tag) implements Node {

    public ListNode {
        items = List.copyOf(items);
        Objects.requireNonNull(mark, "mark");
        tag = tag == null ? "" : tag;
    }

    public int size() {
        return items.size();
    }

    public Node get(int index) {
        return items.get(index);
    }

    @Override
    public String kindDescription() {
        return "a list";
    }
}
