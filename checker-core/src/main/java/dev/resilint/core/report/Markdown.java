package dev.resilint.core.report;

/** Escaping for text placed in GitHub-flavoured Markdown, including table cells. */
final class Markdown {

    private static final String SPECIALS = "\\`*_[]<>|~#!";

    private Markdown() {
    }

    /**
     * Escapes text so that it renders literally inside a paragraph or a table cell: Markdown
     * punctuation gets a backslash, {@code &} becomes an entity (no HTML gets through), and line
     * breaks become {@code <br>} so that a table row stays one line.
     */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '\n') {
                sb.append("<br>");
            } else if (c == '&') {
                sb.append("&amp;");
            } else if (SPECIALS.indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A code span inside a table cell: {@code |} is escaped, which GitHub tables require even in code. */
    static String code(String text) {
        return span(text.replace("|", "\\|"));
    }

    /** A code span outside tables (headings, paragraphs). */
    static String codeOutsideTable(String text) {
        return span(text);
    }

    private static String span(String text) {
        String body = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        String fence = body.contains("`") ? "``" : "`";
        String pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
        return fence + pad + body + pad + fence;
    }
}
