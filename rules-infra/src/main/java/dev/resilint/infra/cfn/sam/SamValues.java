package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.single;
import static dev.resilint.infra.cfn.sam.SamNodes.str;
import static dev.resilint.infra.cfn.sam.SamNodes.text;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.ArrayList;
import java.util.List;

/** SAM's shorthand values that several resource types share: tag maps and S3 locations. */
final class SamValues {

    private SamValues() {
    }

    /**
     * SAM's {@code Tags} map as CloudFormation's {@code [{Key, Value}]} list, after SAM's own tag
     * {@code createdByKey: SAM} when given (SAM puts it first); an intrinsic or a list is kept as it
     * is.
     */
    static Node tagList(Node tags, Mark mark, String createdByKey) {
        if (tags != null && plainMap(tags) == null) {
            return tags; // an intrinsic or a list already
        }
        List<Node> items = new ArrayList<>();
        if (createdByKey != null) {
            items.add(new Props().put("Key", mark, str(createdByKey, mark)).put("Value", mark, str("SAM", mark))
                    .build(mark));
        }
        if (tags != null) {
            for (MapNode.Entry e : plainMap(tags).entries()) {
                items.add(new Props().put("Key", e.keyMark(), str(e.key(), e.keyMark())).put("Value", e.keyMark(),
                        e.value()).build(e.keyMark()));
            }
        }
        return new ListNode(items, tags != null ? tags.mark() : mark, "");
    }

    /** An S3 location written as {@code s3://bucket/key?versionId=v} or {@code {Bucket, Key, Version}}. */
    static Node s3Location(Node value, String bucketKey, String keyKey, String versionKey) {
        Mark m = value.mark();
        String t = text(value);
        if (t != null && t.startsWith("s3://")) {
            String rest = t.substring("s3://".length());
            String version = null;
            int query = rest.indexOf('?');
            if (query >= 0) {
                String q = rest.substring(query + 1);
                rest = rest.substring(0, query);
                for (String part : q.split("&")) {
                    if (part.startsWith("versionId=")) {
                        version = part.substring("versionId=".length());
                    }
                }
            }
            int slash = rest.indexOf('/');
            Props p = new Props().put(bucketKey, m, str(slash < 0 ? rest : rest.substring(0, slash), m))
                    .put(keyKey, m, str(slash < 0 ? "" : rest.substring(slash + 1), m));
            if (version != null) {
                p.put(versionKey, m, str(version, m));
            }
            return p.build(m);
        }
        MapNode location = plainMap(value);
        if (location != null) {
            return new Props().rename(location, "Bucket", bucketKey).rename(location, "Key", keyKey)
                    .rename(location, "Version", versionKey).build(location.mark());
        }
        return single(keyKey, m, value); // a local path that `sam package` would upload, or an intrinsic
    }
}
