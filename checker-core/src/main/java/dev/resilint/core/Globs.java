package dev.resilint.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Path globs for suppressions and the Maven plugin's includes and excludes, matched the same way on every operating system against
 * {@code /}-separated paths (and ARNs, and class names written with {@code /}).
 *
 * <ul>
 *   <li>{@code *} matches within one path segment, {@code ?} one character of a segment;
 *   <li>{@code **} matches across segments, and {@code **}{@code /} also matches no directory at
 *       all, so {@code **}{@code /*.yaml} matches {@code stack.yaml} as well as {@code a/b/stack.yaml};
 *   <li>{@code [abc]}, {@code [a-z]}, {@code [!a]} match one character; {@code {a,b}} either
 *       alternative; {@code \} escapes the next character.
 * </ul>
 */
public final class Globs {

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Globs() {
    }

    /** The compiled glob; throws {@link IllegalArgumentException} naming the problem when it is invalid. */
    public static Pattern compile(String glob) {
        Pattern cached = CACHE.get(glob);
        if (cached != null) {
            return cached;
        }
        Pattern pattern = Pattern.compile(toRegex(glob));
        if (CACHE.size() < 10_000) {
            CACHE.put(glob, pattern);
        }
        return pattern;
    }

    public static boolean matches(String glob, String path) {
        return compile(glob).matcher(path).matches();
    }

    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inGroup = false;
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < n && glob.charAt(i + 1) == '*') {
                        boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
                        if (segmentStart && i + 2 < n && glob.charAt(i + 2) == '/') {
                            re.append("(?:[^/]*/)*"); // "**/": any number of directories, including none
                            i += 3;
                        } else {
                            re.append(".*");
                            i += 2;
                        }
                    } else {
                        re.append("[^/]*");
                        i++;
                    }
                }
                case '?' -> {
                    re.append("[^/]");
                    i++;
                }
                case '[' -> i = characterClass(glob, i, re);
                case '{' -> {
                    if (inGroup) {
                        throw invalid(glob, "nested '{' is not supported");
                    }
                    inGroup = true;
                    re.append("(?:");
                    i++;
                }
                case '}' -> {
                    if (!inGroup) {
                        throw invalid(glob, "'}' without '{'");
                    }
                    inGroup = false;
                    re.append(')');
                    i++;
                }
                case ',' -> {
                    re.append(inGroup ? "|" : ",");
                    i++;
                }
                case '\\' -> {
                    if (i + 1 >= n) {
                        throw invalid(glob, "it ends with an escaping '\\'");
                    }
                    re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                    i += 2;
                }
                default -> {
                    re.append(literal(c));
                    i++;
                }
            }
        }
        if (inGroup) {
            throw invalid(glob, "'{' is not closed");
        }
        return re.toString();
    }

    private static int characterClass(String glob, int start, StringBuilder re) {
        int end = glob.indexOf(']', start + 2); // a ']' right after '[' (or "[!") is a member
        if (start + 1 < glob.length() && glob.charAt(start + 1) == '!') {
            end = glob.indexOf(']', start + 3);
        }
        if (end < 0) {
            throw invalid(glob, "'[' is not closed");
        }
        StringBuilder cls = new StringBuilder("[");
        int i = start + 1;
        boolean negated = glob.charAt(i) == '!';
        if (negated) {
            cls.append('^');
            i++;
        }
        for (; i < end; i++) {
            char c = glob.charAt(i);
            if (c == '/') {
                throw invalid(glob, "'/' cannot be part of a [...] class");
            }
            if (c == '-' && i > start + 1 && i + 1 < end) {
                cls.append('-');
            } else {
                cls.append(literal(c));
            }
        }
        // A class never matches the separator, negated or not.
        re.append(negated ? "(?!/)" : "").append(cls).append(']');
        return end + 1;
    }

    private static String literal(char c) {
        if (Character.isLetterOrDigit(c) || c == '/' || c == '_') {
            return String.valueOf(c);
        }
        // Any non-alphabetic ASCII character may be escaped in a Java regex; quote the rest.
        return c < 128 ? "\\" + c : Pattern.quote(String.valueOf(c));
    }

    private static IllegalArgumentException invalid(String glob, String why) {
        return new IllegalArgumentException("invalid glob '" + glob + "': " + why);
    }
}
