package dev.resilint.infra.cfn;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** CloudFormation's short-form YAML tags and the long-form keys they stand for. */
public final class Intrinsics {

    private static final Map<String, String> SHORT_TO_LONG = new TreeMap<>();

    static {
        for (String fn : new String[] {"Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join",
            "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Contains",
            "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll", "Length", "ToJsonString",
            "ForEach"}) {
            SHORT_TO_LONG.put(fn, "Fn::" + fn);
        }
        SHORT_TO_LONG.put("Ref", "Ref");
        SHORT_TO_LONG.put("Condition", "Condition");
    }

    private Intrinsics() {
    }

    /** The long-form key for a short-form tag ({@code GetAtt} gives {@code Fn::GetAtt}). */
    public static Optional<String> longForm(String tag) {
        return Optional.ofNullable(SHORT_TO_LONG.get(tag));
    }

    /** True for keys that make a one-entry map an intrinsic function call. */
    public static boolean isFunctionKey(String key) {
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }

    public static String knownTags() {
        return String.join(", ", SHORT_TO_LONG.keySet().stream().map(t -> "!" + t).toList());
    }
}
