package dev.resilint.code;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the declarations of a Java source file that resilint needs and that class files do not
 * keep: where each class and method is declared, and the {@code @SuppressWarnings("resilint:ID")}
 * annotations on them ({@code @SuppressWarnings} has source retention, so it never reaches the
 * bytecode).
 *
 * <p>This is a tokenizer with a little structure, not a parser: it skips comments, strings, text
 * blocks and character literals, tracks braces, and recognizes type declarations ({@code class},
 * {@code interface}, {@code enum}, {@code record}, {@code @interface}) and method and constructor
 * declarations directly in a type body. Declarations inside method bodies (local and anonymous
 * classes) are not followed. An end-of-line comment right after the annotation is its reason:
 * {@code @SuppressWarnings("resilint:CT01") // built once, timeouts come from the proxy}.
 */
final class JavaSourceScanner {

    /** A {@code "resilint:..."} value of a {@code @SuppressWarnings}. */
    record Suppress(String ruleId, int line, String comment) {
    }

    /**
     * A class or method declaration.
     *
     * @param className binary name ({@code com.acme.Outer$Inner})
     * @param member method name, {@code <init>} for a constructor, or the empty string for the class
     * @param line line of the declared name
     * @param suppressions the resilint suppressions written on it
     */
    record Declaration(String className, String member, int line, List<Suppress> suppressions) {
    }

    private enum Kind { IDENT, STRING, NUMBER, PUNCT, COMMENT }

    private record Token(Kind kind, String text, int line) {
        boolean is(String value) {
            return kind != Kind.STRING && kind != Kind.COMMENT && text.equals(value);
        }
    }

    private JavaSourceScanner() {
    }

    static List<Declaration> scan(String source) {
        List<Token> all = tokenize(source);
        List<Token> code = new ArrayList<>();
        Map<Integer, String> comments = new HashMap<>();
        for (Token t : all) {
            if (t.kind() == Kind.COMMENT) {
                comments.putIfAbsent(t.line(), t.text());
            } else {
                code.add(t);
            }
        }
        return new Parser(code, comments).parse();
    }

    // ---- tokens --------------------------------------------------------------------------------

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
                tokens.add(new Token(Kind.COMMENT, s.substring(i + 2, end).strip(), line));
                i = end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(s, i, end);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (j < n && !s.startsWith("\"\"\"", j)) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 3);
                tokens.add(new Token(Kind.STRING, "", line));
                line += count(s, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    if (s.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    text.append(s.charAt(j));
                    j++;
                }
                tokens.add(new Token(Kind.STRING, text.toString(), line));
                i = Math.min(n, j + 1);
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.IDENT, s.substring(i, j), line));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                        || s.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Kind.NUMBER, s.substring(i, j), line));
                i = j;
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line));
                i++;
            }
        }
        return tokens;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    // ---- structure -----------------------------------------------------------------------------

    private static final class Parser {
        private final List<Token> tokens;
        private final Map<Integer, String> comments;
        private final List<Declaration> declarations = new ArrayList<>();
        /** Open braces: the binary name for a type body, null for any other block. */
        private final Deque<String> frames = new ArrayDeque<>();
        private String packageName = "";
        private int i;

        // the member declaration being read in a type body (or at the top level)
        private final List<Suppress> pending = new ArrayList<>();
        private Token typeName;
        private Token methodName;
        private boolean initializer;
        private Token previous;

        Parser(List<Token> tokens, Map<Integer, String> comments) {
            this.tokens = tokens;
            this.comments = comments;
        }

        List<Declaration> parse() {
            for (i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (inBlock()) {
                    if (t.is("{")) {
                        frames.push("");
                    } else if (t.is("}")) {
                        frames.pop();
                    }
                    continue;
                }
                declarationToken(t);
                previous = t;
            }
            return declarations;
        }

        /** Inside a method body, initializer or other block, whose contents are not read. */
        private boolean inBlock() {
            return !frames.isEmpty() && frames.peek().isEmpty();
        }

        private void declarationToken(Token t) {
            if (frames.isEmpty() && (t.is("package") || t.is("import"))) {
                StringBuilder name = new StringBuilder();
                while (i + 1 < tokens.size() && !tokens.get(i + 1).is(";")) {
                    i++;
                    name.append(tokens.get(i).text());
                }
                i++;
                if (t.is("package")) {
                    packageName = name.toString();
                }
                reset();
                return;
            }
            if (t.is("@")) {
                annotation(t);
                return;
            }
            if (typeName == null && !initializer && isTypeKeyword(t) && (previous == null || !previous.is("."))
                    && next(1).kind() == Kind.IDENT
                    && (!t.is("record") || next(2).is("(") || next(2).is("<"))) {
                typeName = next(1);
                i++;
                return;
            }
            if (t.is("=")) {
                initializer = true;
            } else if (t.is("(")) {
                if (typeName == null && methodName == null && !initializer && previous != null
                        && previous.kind() == Kind.IDENT) {
                    methodName = previous;
                }
                skipParentheses();
            } else if (t.is("{")) {
                openBrace();
            } else if (t.is(";")) {
                if (methodName != null && typeName == null && !initializer) {
                    declare(methodName); // abstract or interface method
                }
                reset();
            } else if (t.is("}")) {
                if (!frames.isEmpty()) {
                    frames.pop();
                }
                reset();
            }
        }

        private void openBrace() {
            if (typeName != null) {
                String binary = frames.isEmpty()
                        ? (packageName.isEmpty() ? "" : packageName + ".") + typeName.text()
                        : frames.peek() + "$" + typeName.text();
                declarations.add(new Declaration(binary, "", typeName.line(), List.copyOf(pending)));
                frames.push(binary);
                reset();
            } else if (methodName != null && !initializer) {
                declare(methodName);
                frames.push("");
                reset();
            } else if (initializer) {
                frames.push(""); // an anonymous class, lambda or array in a field initializer
            } else {
                frames.push(""); // an initializer block or enum constant body
                reset();
            }
        }

        private void declare(Token name) {
            if (frames.isEmpty()) {
                return;
            }
            String owner = frames.peek();
            String simple = owner.substring(Math.max(owner.lastIndexOf('.'), owner.lastIndexOf('$')) + 1);
            String member = name.text().equals(simple) ? "<init>" : name.text();
            declarations.add(new Declaration(owner, member, name.line(), List.copyOf(pending)));
        }

        private void annotation(Token at) {
            if (next(1).is("interface")) {
                if (next(2).kind() == Kind.IDENT) {
                    typeName = next(2);
                    i += 2;
                }
                return;
            }
            StringBuilder name = new StringBuilder();
            while (next(1).kind() == Kind.IDENT) {
                i++;
                name.append(tokens.get(i).text());
                if (next(1).is(".") && next(2).kind() == Kind.IDENT) {
                    i++;
                    name.append('.');
                } else {
                    break;
                }
            }
            List<Token> values = new ArrayList<>();
            if (next(1).is("(")) {
                i++;
                int depth = 1;
                while (depth > 0 && i + 1 < tokens.size()) {
                    i++;
                    Token t = tokens.get(i);
                    if (t.is("(")) {
                        depth++;
                    } else if (t.is(")")) {
                        depth--;
                    } else if (t.kind() == Kind.STRING) {
                        values.add(t);
                    }
                }
            }
            String annotation = name.toString();
            if (!annotation.equals("SuppressWarnings") && !annotation.equals("java.lang.SuppressWarnings")) {
                return;
            }
            String comment = comments.getOrDefault(tokens.get(i).line(), "");
            for (Token value : values) {
                String text = value.text().strip();
                if (text.regionMatches(true, 0, "resilint:", 0, "resilint:".length())) {
                    String id = text.substring("resilint:".length()).strip().toUpperCase(Locale.ROOT);
                    pending.add(new Suppress(id, at.line(), comment));
                }
            }
        }

        private void skipParentheses() {
            int depth = 1;
            while (depth > 0 && i + 1 < tokens.size()) {
                i++;
                Token t = tokens.get(i);
                if (t.is("(")) {
                    depth++;
                } else if (t.is(")")) {
                    depth--;
                } else if (t.is("@")) {
                    annotation(t); // annotations on parameters: skip their arguments
                }
            }
        }

        private Token next(int k) {
            return i + k < tokens.size() ? tokens.get(i + k) : new Token(Kind.PUNCT, "", 0);
        }

        private static boolean isTypeKeyword(Token t) {
            return t.kind() == Kind.IDENT && (t.text().equals("class") || t.text().equals("interface")
                    || t.text().equals("enum") || t.text().equals("record"));
        }

        private void reset() {
            pending.clear();
            typeName = null;
            methodName = null;
            initializer = false;
        }
    }
}
