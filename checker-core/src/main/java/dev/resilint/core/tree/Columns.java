package dev.resilint.core.tree;

import java.util.Arrays;

/**
 * Positions in a text that was parsed: converts SnakeYAML's columns, which count code points, into
 * UTF-16 code units (what SARIF's default {@code columnKind} and editors count), and reads the tag
 * written at a position. Line starts are computed once, when first needed.
 */
final class Columns {

    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";

    private final String text;
    private final boolean astral;
    private int[] lineStarts;

    Columns(String text) {
        this.text = text;
        // columns differ only after a surrogate pair (two code units, one code point), that is when
        // the text has fewer code points than code units; a Latin-1 text answers at once
        this.astral = text.codePointCount(0, text.length()) != text.length();
    }

    /** {@code mark} (code point column) with its column in UTF-16 code units. */
    Mark utf16(Mark mark) {
        if (!astral || mark.line() <= 0 || mark.column() <= 0) {
            return mark;
        }
        int start = lineStart(mark.line());
        if (start < 0) {
            return mark;
        }
        int at = start;
        for (int i = 1; i < mark.column() && at < text.length() && text.charAt(at) != '\n'; i++) {
            at += Character.charCount(text.codePointAt(at));
        }
        return new Mark(mark.line(), at - start + 1);
    }

    /**
     * The tag written at {@code mark} (a UTF-16 column), as {@link Node#tag()} gives tags:
     * {@code Ref} for {@code !Ref}, {@code tag:yaml.org,2002:str} for {@code !!str}, the URI of a
     * verbatim {@code !<...>}; empty when no tag starts there.
     */
    String tagAt(Mark mark) {
        int start = mark.line() <= 0 || mark.column() <= 0 ? -1 : lineStart(mark.line());
        int at = start < 0 ? -1 : start + mark.column() - 1;
        if (at < 0 || at >= text.length() || text.charAt(at) != '!') {
            return "";
        }
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String tag = text.substring(at, end);
        if (tag.startsWith("!<") && tag.endsWith(">")) {
            return tag.substring(2, tag.length() - 1);
        }
        if (tag.startsWith("!!")) {
            return CORE_TAG_PREFIX + tag.substring(2);
        }
        return tag.substring(1);
    }

    /** The offset at which 1-based {@code line} starts, or -1 past the end. */
    private int lineStart(int line) {
        if (lineStarts == null) {
            int[] starts = new int[64];
            int n = 1; // line 1 starts at 0
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
            lineStarts = Arrays.copyOf(starts, n);
        }
        return line <= lineStarts.length ? lineStarts[line - 1] : -1;
    }
}
