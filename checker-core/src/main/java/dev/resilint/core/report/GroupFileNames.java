package dev.resilint.core.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * File names of the Markdown pages {@code --output-dir} writes, one per group: safe on every file
 * system and stable from night to night, because each depends on its group's name alone. A name
 * that is already safe (lower-case letters, digits, {@code .}, {@code _}, {@code -}) is the file
 * name ({@code team-a.md}); any other gets its slug and a short hash of the exact name
 * ({@code Team A} gives {@code team-a-3b1f0c2d.md}), so that names differing only in case or
 * punctuation, as tag values may, never share a file. {@value #INDEX} is reserved for the index.
 */
final class GroupFileNames {

    /** The index page's file name. */
    static final String INDEX = "index.md";

    private static final int MAX_SLUG = 60;
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern RESERVED = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9]|index)(\\..*)?");

    private GroupFileNames() {
    }

    /**
     * The file name of each group, in the order given. Should two names still collide (a group
     * named like another's slug and hash), both take the full hash.
     */
    static Map<String, String> of(Collection<String> groups) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (String g : groups) {
            String name = name(g, 8);
            names.put(g, name);
            uses.merge(name, 1, Integer::sum);
        }
        names.replaceAll((g, name) -> uses.get(name) > 1 ? name(g, 32) : name);
        return names;
    }

    /** The file name of one group, with {@code hashLength} hex digits of hash when it needs one. */
    static String name(String group, int hashLength) {
        boolean safe = group.length() <= MAX_SLUG && SAFE.matcher(group).matches() && !group.endsWith(".")
                && !RESERVED.matcher(group).matches();
        if (safe) {
            return group + ".md";
        }
        String slug = slug(group);
        return (slug.isEmpty() ? "group" : slug) + "-" + hash(group).substring(0, hashLength) + ".md";
    }

    /** Lower case, runs of anything but letters, digits, {@code .} and {@code _} as one {@code -}. */
    static String slug(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean keep = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_';
            if (keep) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        String slug = sb.length() > MAX_SLUG ? sb.substring(0, MAX_SLUG) : sb.toString();
        return slug.replaceAll("^[-.]+|[-.]+$", "");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
