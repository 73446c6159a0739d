package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Validates reporter output against JSON Schemas read from the class path. */
final class SchemaValidation {

    static final ObjectMapper JSON = new ObjectMapper();

    private SchemaValidation() {
    }

    static JsonSchema load(String resource, SpecVersion.VersionFlag version) {
        try (InputStream in = SchemaValidation.class.getResourceAsStream(resource)) {
            assertThat(in).as("schema resource %s", resource).isNotNull();
            return JsonSchemaFactory.getInstance(version).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertValid(JsonSchema schema, JsonNode document) {
        Set<ValidationMessage> errors = schema.validate(document);
        assertThat(errors).as("schema violations").isEmpty();
    }
}
