package dev.resilint.live.fake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A shape of an AWS API model as the SDK's generated classes carry it ({@code SdkField} and its traits):
 * structures with members, lists, maps and scalars. The fake reads requests and writes answers by these
 * shapes, so what it sends is what the SDK parses.
 */
final class Shape {
    /** The kind of a shape. */
    enum Kind { STRUCTURE, LIST, MAP, STRING, INTEGER, LONG, SHORT, BYTE, FLOAT, DOUBLE, BIG_DECIMAL, BOOLEAN,
        TIMESTAMP, BLOB, DOCUMENT }

    private final Kind kind;
    private final String name;
    private final Supplier<List<Member>> memberSupplier;
    private volatile Map<String, Member> members;
    private final Member element;
    private final String keyName;
    private final String valueName;
    private final boolean flattened;
    private final String memberLocationName;

    private Shape(Kind kind, String name, Supplier<List<Member>> memberSupplier, Member element, String keyName,
                  String valueName, boolean flattened, String memberLocationName) {
        this.kind = kind;
        this.name = name;
        this.memberSupplier = memberSupplier;
        this.element = element;
        this.keyName = keyName;
        this.valueName = valueName;
        this.flattened = flattened;
        this.memberLocationName = memberLocationName;
    }

    static Shape scalar(Kind kind) {
        return new Shape(kind, kind.name().toLowerCase(java.util.Locale.ROOT), null, null, null, null, false, null);
    }

    static Shape structure(String name, Supplier<List<Member>> members) {
        return new Shape(Kind.STRUCTURE, name, members, null, null, null, false, null);
    }

    static Shape list(Member element, boolean flattened, String memberLocationName) {
        return new Shape(Kind.LIST, "list", null, element, null, null, flattened, memberLocationName);
    }

    static Shape map(String keyName, Member value, String valueName, boolean flattened) {
        return new Shape(Kind.MAP, "map", null, value, keyName, valueName, flattened, null);
    }

    Kind kind() {
        return kind;
    }

    /** The SDK class name of a structure, the kind of another shape. */
    String name() {
        return name;
    }

    boolean isStructure() {
        return kind == Kind.STRUCTURE;
    }

    /** The members of a structure by member name, in model order. */
    Map<String, Member> members() {
        Map<String, Member> result = members;
        if (result == null) {
            synchronized (this) {
                result = members;
                if (result == null) {
                    Map<String, Member> byName = new LinkedHashMap<>();
                    if (memberSupplier != null) {
                        for (Member member : memberSupplier.get()) {
                            byName.put(member.name(), member);
                        }
                    }
                    result = Collections.unmodifiableMap(byName);
                    members = result;
                }
            }
        }
        return result;
    }

    Member member(String memberName) {
        return members().get(memberName);
    }

    /** The element of a list, the value of a map. */
    Member element() {
        return element;
    }

    /** The XML element name of a map key ({@code key} unless the model says otherwise). */
    String keyName() {
        return keyName;
    }

    /** The XML element name of a map value. */
    String valueName() {
        return valueName;
    }

    /** Whether a list or map is flattened in XML and query forms. */
    boolean flattened() {
        return flattened;
    }

    /** The XML element name of a list member as the model names it, or null (then the element's name). */
    String memberLocationName() {
        return memberLocationName;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Where a member is bound in an HTTP message. */
    enum Location { PAYLOAD, QUERY, HEADER, PATH, GREEDY_PATH, STATUS_CODE }

    /** The timestamp format a member names, or DEFAULT for its protocol's default. */
    enum TimestampFormat { DEFAULT, ISO_8601, RFC_822, UNIX_TIMESTAMP, UNIX_TIMESTAMP_MILLIS }

    /**
     * A member of a structure, or the element of a list or map: its model name, its name on the wire when
     * sent ({@code locationName}) and when read ({@code unmarshallLocationName}), where it is bound and its shape.
     */
    record Member(String name, String locationName, String unmarshallName, Location location, Shape shape,
                  TimestampFormat timestampFormat, boolean payload) {
    }
}
