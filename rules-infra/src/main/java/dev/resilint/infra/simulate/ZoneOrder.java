package dev.resilint.infra.simulate;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The order reports list zones in: {@code az[0]}, {@code az[1]}, ..., {@code az[10]}, then literal names. */
final class ZoneOrder {

    private static final Pattern SYMBOLIC = Pattern.compile("az\\[(\\d+)](@.*)?");

    static final Comparator<String> COMPARATOR = Comparator.comparing(ZoneOrder::region)
            .thenComparing(ZoneOrder::index).thenComparing(Comparator.naturalOrder());

    private ZoneOrder() {
    }

    /** A zone of {@code Fn::GetAZs} of the stack's own region ({@code az[0]}, not {@code az[0]@us-west-2}). */
    static boolean isSymbolic(String zone) {
        Matcher m = SYMBOLIC.matcher(zone);
        return m.matches() && m.group(2) == null;
    }

    private static String region(String zone) {
        Matcher m = SYMBOLIC.matcher(zone);
        if (!m.matches()) {
            return "\uffff"; // literal names last
        }
        return m.group(2) == null ? "" : m.group(2);
    }

    private static long index(String zone) {
        Matcher m = SYMBOLIC.matcher(zone);
        if (!m.matches() || m.group(1).length() > 9) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(m.group(1));
    }
}
