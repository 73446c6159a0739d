package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.SamNodes.keyMark;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;

/**
 * Where a generated resource comes from: the positions for its id, its body, its {@code Type} key
 * and value, and its {@code Properties} key and value.
 */
record Origin(Mark key, Mark def, Mark typeKey, Mark typeValue, Mark propsKey, Mark props) {

    /** A SAM resource or event entry: {@code Id: {Type: ..., Properties: ...}}. */
    static Origin of(MapNode.Entry entry) {
        Mark key = entry.keyMark();
        Mark def = entry.value().mark();
        MapNode body = entry.value() instanceof MapNode m ? m : null;
        Mark typeValue = body != null && body.get("Type").isPresent() ? body.get("Type").get().mark() : key;
        Mark props = body != null && body.get("Properties").isPresent() ? body.get("Properties").get().mark()
                : def;
        return new Origin(key, def, keyMark(body, "Type", key), typeValue, keyMark(body, "Properties", key),
                props);
    }

    /** A resource generated because of one key. */
    static Origin at(Mark mark) {
        return new Origin(mark, mark, mark, mark, mark, mark);
    }
}
