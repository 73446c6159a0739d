package dev.resilint.infra.cfn.eval;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CloudFormation's short-form YAML tags and the long-form keys they stand for: the template loader
 * reads {@code !GetAtt} as {@code Fn::GetAtt} through here, and the evaluator and the SAM transform
 * recognize function calls and preprocessor directives by their keys.
 */
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

    /**
     * True for namespaced tags such as {@code !Rain::Embed}: directives of template preprocessors
     * (Rain, macros). They are kept as a one-entry map whose value the evaluator treats as unknown.
     */
    public static boolean isDirectiveTag(String tag) {
        return tag.matches("[A-Za-z][A-Za-z0-9]*::[A-Za-z0-9:]+");
    }

    /** True for one-entry map keys that are preprocessor directives ({@code Rain::Embed}). */
    public static boolean isDirectiveKey(String key) {
        return isDirectiveTag(key) && !key.startsWith("Fn::") && !key.startsWith("AWS::");
    }

    /** The known short form closest to {@code tag}, for "did you mean" hints. */
    public static Optional<String> closest(String tag) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : SHORT_TO_LONG.keySet()) {
            int d = distance(tag.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= 2 ? Optional.of(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
