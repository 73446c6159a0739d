package dev.resilint.core.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.resilint.core.FileReasons;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON into a {@link Node} tree that keeps positions. It refuses, with a message
 * naming the position, what CloudFormation refuses or what could hurt the reader: aliases and
 * merge keys (which also defuses alias bombs), duplicate keys, files over the size limit, binary
 * or non-UTF-8 content, empty files, documents nested deeper than {@link #MAX_DEPTH}.
 *
 * <p>Content whose first non-blank character is <code>{</code> is read with Jackson's JSON parser
 * (the YAML parser fails on tab-indented JSON); everything else with the YAML parser. Short-form
 * tags ({@code !Ref}) are kept on the node as {@link Node#tag()}.
 */
public final class TreeReader {

    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
    public static final int MAX_DEPTH = 200;

    private final long maxBytes;
    private final JsonFactory jsonFactory;
    private final YAMLFactory yamlFactory;

    public TreeReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public TreeReader(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        int limit = (int) Math.min(Integer.MAX_VALUE - 1, maxBytes + 1);
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxStringLength(limit)
                .maxNestingDepth(MAX_DEPTH + 10)
                .maxDocumentLength(maxBytes + 1)
                .build();
        this.jsonFactory = JsonFactory.builder().streamReadConstraints(constraints).build();
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setCodePointLimit(limit);
        loaderOptions.setMaxAliasesForCollections(0);
        loaderOptions.setAllowDuplicateKeys(true); // we detect them ourselves, naming both positions
        loaderOptions.setNestingDepthLimit(MAX_DEPTH + 10);
        this.yamlFactory = YAMLFactory.builder().loaderOptions(loaderOptions).streamReadConstraints(constraints)
                .build();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads {@code file}; {@code displayName} is what error messages call it. */
    public Node read(Path file, String displayName) throws TreeReadException {
        byte[] bytes = readBytes(file, displayName, maxBytes);
        return parse(decode(bytes, displayName), displayName);
    }

    /**
     * Reads the bytes of a file, with clear errors for missing, unreadable and oversized files;
     * an oversized file is refused naming the limit in MiB and the {@code maxFileSizeMiB} setting
     * that raises it.
     */
    public static byte[] readBytes(Path file, String displayName, long maxBytes) throws TreeReadException {
        return readBytes(file, displayName, maxBytes, "set maxFileSizeMiB in .resilint.yaml to raise it");
    }

    /**
     * Reads the bytes of a file, with clear errors for missing, unreadable and oversized files.
     *
     * @param raiseLimit what the size-limit message says about the limit (how to raise it)
     */
    public static byte[] readBytes(Path file, String displayName, long maxBytes, String raiseLimit)
            throws TreeReadException {
        try {
            if (Files.isDirectory(file)) {
                throw new TreeReadException(displayName, Mark.UNKNOWN, "is a directory, not a file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new TreeReadException(displayName, Mark.UNKNOWN, overLimit(size, maxBytes, raiseLimit));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > maxBytes) {
                throw new TreeReadException(displayName, Mark.UNKNOWN, overLimit(bytes.length, maxBytes, raiseLimit));
            }
            return bytes;
        } catch (IOException e) {
            throw new TreeReadException(displayName, Mark.UNKNOWN, FileReasons.of(e));
        }
    }

    /** {@code file is 40.5 MiB, over the limit of 32 MiB (RAISE)}. */
    static String overLimit(long size, long maxBytes, String raiseLimit) {
        return "file is " + mebibytes(size) + ", over the limit of " + mebibytes(maxBytes)
                + (raiseLimit.isEmpty() ? "" : " (" + raiseLimit + ")");
    }

    /** {@code 32 MiB}, {@code 40.5 MiB}; sizes below a tenth of a MiB in bytes. */
    static String mebibytes(long bytes) {
        long mib = 1024L * 1024L;
        if (bytes % mib == 0) {
            return bytes / mib + " MiB";
        }
        if (bytes < mib / 10) {
            return bytes + " bytes";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) mib);
    }

    /** Decodes UTF-8, refusing binary content and invalid byte sequences. */
    public static String decode(byte[] bytes, String displayName) throws TreeReadException {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3; // UTF-8 byte order mark
        }
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new TreeReadException(displayName, lineAt(bytes, i),
                        "binary content (a NUL byte); expected a UTF-8 text file");
            }
        }
        // the fast decoder replaces malformed input with U+FFFD: without one in its result the input
        // was valid; with one (malformed, or a U+FFFD written in the file) the strict decoder decides
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            throw new TreeReadException(displayName, lineAt(bytes, bad), "not valid UTF-8 text");
        }
    }

    private static Mark lineAt(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Mark(line, column);
    }

    private static int firstInvalidUtf8(byte[] bytes, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int lo = start;
        int hi = bytes.length;
        while (lo < hi) { // smallest prefix length that fails to decode
            int mid = (lo + hi) >>> 1;
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, start, mid + 1 - start));
                lo = mid + 1;
            } catch (CharacterCodingException e) {
                hi = mid;
            }
        }
        return Math.max(start, lo - 3);
    }

    /** Parses text that was already read. */
    public Node parse(String content, String displayName) throws TreeReadException {
        if (content.length() > maxBytes) {
            throw new TreeReadException(displayName, Mark.UNKNOWN, "content is over the limit of " + mebibytes(maxBytes));
        }
        if (content.isBlank()) {
            throw new TreeReadException(displayName, new Mark(1, 1), "empty file");
        }
        boolean json = content.stripLeading().startsWith("{");
        try (JsonParser parser = json ? jsonFactory.createParser(content) : yamlFactory.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new TreeReadException(displayName, new Mark(1, 1), "empty document");
            }
            Builder builder = new Builder(parser, displayName, content);
            Node root = builder.value(first, 0);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new TreeReadException(displayName, mark(parser.currentTokenLocation()),
                        json ? "unexpected content after the end of the JSON document"
                                : "more than one YAML document; a template is one document");
            }
            if (root instanceof ScalarNode s && s.isNull()) {
                throw new TreeReadException(displayName, new Mark(1, 1), "empty document");
            }
            return root;
        } catch (JsonProcessingException e) {
            Optional<TreeReadException> yamlProblem = yamlProblem(e, displayName);
            if (yamlProblem.isPresent()) {
                throw yamlProblem.get();
            }
            JsonLocation loc = e.getLocation();
            throw new TreeReadException(displayName, loc == null ? Mark.UNKNOWN : mark(loc),
                    (json ? "invalid JSON: " : "invalid YAML: ") + cleanMessage(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // Jackson's YAML backend reports some syntax errors as unchecked exceptions.
            Optional<TreeReadException> yamlProblem = yamlProblem(e, displayName);
            if (yamlProblem.isPresent()) {
                throw yamlProblem.get();
            }
            throw new TreeReadException(displayName, Mark.UNKNOWN,
                    (json ? "invalid JSON: " : "invalid YAML: ") + cleanMessage(String.valueOf(e.getMessage())));
        }
    }

    /**
     * A YAML syntax error as PyYAML and cfn-lint give it: the problem ({@code expected ',' or '}',
     * but got ':'}) at the problem's own line and column, then the construct it was found in
     * ({@code while parsing a flow mapping}) with where that starts. SnakeYAML's exception holds
     * both; its message and Jackson's location lead with the context, sometimes at another line.
     */
    static Optional<TreeReadException> yamlProblem(Throwable e, String displayName) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblem() != null) {
                org.yaml.snakeyaml.error.Mark at = marked.getProblemMark();
                Mark mark = at == null ? Mark.UNKNOWN : new Mark(at.getLine() + 1, at.getColumn() + 1);
                StringBuilder message = new StringBuilder("invalid YAML: ").append(problemText(marked.getProblem()));
                if (marked.getContext() != null && !marked.getContext().isBlank()) {
                    message.append(" (").append(marked.getContext().strip());
                    org.yaml.snakeyaml.error.Mark context = marked.getContextMark();
                    if (context != null && (at == null || context.getLine() != at.getLine()
                            || context.getColumn() != at.getColumn())) {
                        message.append(" started at line ").append(context.getLine() + 1).append(", column ")
                                .append(context.getColumn() + 1);
                    }
                    message.append(')');
                }
                return Optional.of(new TreeReadException(displayName, mark, message.toString()));
            }
        }
        return Optional.empty();
    }

    /** SnakeYAML's problem in one line, the token it got quoted as PyYAML quotes it ({@code but got ':'}). */
    private static String problemText(String problem) {
        String text = problem.strip().replaceAll("\\s+", " ");
        return text.replaceAll("but got ([^\\s'<][^\\s]{0,2})$", "but got '$1'");
    }

    private static String cleanMessage(String message) {
        if (message == null) {
            return "syntax error";
        }
        // SnakeYAML messages carry a multi-line snippet; the first line says what is wrong.
        String firstLine = message.strip().lines().findFirst().orElse("syntax error").strip();
        return firstLine.replaceAll("\\s+", " ");
    }

    static Mark mark(JsonLocation location) {
        if (location == null) {
            return Mark.UNKNOWN;
        }
        return new Mark(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
    }

    /**
     * Builds nodes from the parser's tokens. Columns count UTF-16 code units, as SARIF's default
     * {@code columnKind} ({@code utf16CodeUnits}) and editors do: Jackson's JSON parser counts them
     * already; SnakeYAML counts code points, which differ after a character outside the Basic
     * Multilingual Plane (an emoji), so YAML columns are converted ({@link Columns}).
     */
    private static final class Builder {
        private final JsonParser parser;
        private final YAMLParser yaml;
        private final String file;
        private final Columns columns;

        Builder(JsonParser parser, String file, String content) {
            this.parser = parser;
            this.yaml = parser instanceof YAMLParser y ? y : null;
            this.file = file;
            this.columns = new Columns(content);
        }

        private Mark tokenMark() {
            Mark m = mark(parser.currentTokenLocation());
            return yaml == null ? m : columns.utf16(m);
        }

        Node value(JsonToken token, int depth) throws IOException, TreeReadException {
            Mark mark = tokenMark();
            if (depth > MAX_DEPTH) {
                throw new TreeReadException(file, mark, "nested deeper than " + MAX_DEPTH + " levels");
            }
            String tag = tag();
            if (yaml != null) {
                if (yaml.isCurrentAlias()) {
                    throw new TreeReadException(file, mark,
                            "YAML alias *" + parser.getText() + " is not allowed (CloudFormation does not support "
                                    + "anchors and aliases)");
                }
                String anchor = yaml.getObjectId() == null ? null : String.valueOf(yaml.getObjectId());
                if (anchor != null) {
                    throw new TreeReadException(file, mark,
                            "YAML anchor &" + anchor + " is not allowed (CloudFormation does not support anchors "
                                    + "and aliases)");
                }
            }
            switch (token) {
                case START_OBJECT:
                    return map(mark, tag, depth);
                case START_ARRAY:
                    return list(mark, tag, depth);
                case VALUE_STRING:
                    return new ScalarNode(parser.getText(), ScalarNode.Type.STRING, mark, tag);
                case VALUE_NUMBER_INT:
                    return new ScalarNode(parser.getText(), ScalarNode.Type.INTEGER, mark, tag);
                case VALUE_NUMBER_FLOAT:
                    return new ScalarNode(parser.getText(), ScalarNode.Type.DECIMAL, mark, tag);
                case VALUE_TRUE:
                case VALUE_FALSE:
                    // YAML's True, TRUE and true are one value: one spelling, as CloudFormation sees it
                    return new ScalarNode(token == JsonToken.VALUE_TRUE ? "true" : "false", ScalarNode.Type.BOOLEAN,
                            mark, tag);
                case VALUE_NULL:
                    return new ScalarNode("", ScalarNode.Type.NULL, mark, tag);
                default:
                    throw new TreeReadException(file, mark, "unexpected " + token);
            }
        }

        private String tag() throws IOException {
            if (yaml == null) {
                return "";
            }
            String typeId = yaml.getTypeId();
            if (typeId == null || typeId.isEmpty()) {
                return "";
            }
            if (typeId.startsWith("!")) {
                return typeId.substring(1);
            }
            return typeId;
        }

        private MapNode map(Mark mark, String tag, int depth) throws IOException, TreeReadException {
            List<MapNode.Entry> entries = new ArrayList<>();
            Map<String, Mark> seen = new HashMap<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token != JsonToken.FIELD_NAME) {
                    throw new TreeReadException(file, tokenMark(), "expected a key");
                }
                String key = parser.currentName();
                Mark keyMark = tokenMark();
                // Jackson reports the first key's tag as its map's: read the key's own from the text
                String keyTag = yaml == null ? "" : columns.tagAt(keyMark);
                if (yaml != null && "<<".equals(key)) {
                    throw new TreeReadException(file, keyMark,
                            "YAML merge key << is not allowed (CloudFormation does not support it)");
                }
                Mark previous = seen.putIfAbsent(key, keyMark);
                if (previous != null) {
                    throw new TreeReadException(file, keyMark,
                            "duplicate key '" + key + "' (first defined at line " + previous.line() + ", column "
                                    + previous.column() + ")");
                }
                Node value = value(parser.nextToken(), depth + 1);
                entries.add(new MapNode.Entry(key, keyMark, value, keyTag));
            }
            return new MapNode(entries, mark, tag);
        }

        private ListNode list(Mark mark, String tag, int depth) throws IOException, TreeReadException {
            List<Node> items = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                items.add(value(token, depth + 1));
            }
            return new ListNode(items, mark, tag);
        }
    }
}
