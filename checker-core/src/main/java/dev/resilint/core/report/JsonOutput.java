package dev.resilint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Pretty JSON for the JSON and SARIF reports: two-space indent, {@code "key": value}, {@code \n}
 * line ends on every platform, a final newline, and property order as built (Jackson's object
 * nodes keep insertion order).
 */
final class JsonOutput {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        WRITER = MAPPER.writer(printer).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private JsonOutput() {
    }

    static void write(JsonNode root, Writer out) throws IOException {
        WRITER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }
}
