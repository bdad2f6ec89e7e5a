package dev.claimdesk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** The event schemas in contracts/ at the repository root. */
final class Contracts {

    static final Path DIR = Path.of("..", "contracts");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Contracts() {
    }

    static JsonNode read(String file) {
        try {
            return JSON.readTree(DIR.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the violations of {@code event}'s schema, empty when the message conforms */
    static String violations(String event, JsonNode message) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(read(event + ".schema.json"), config);
        Set<ValidationMessage> errors = schema.validate(message);
        return errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "));
    }
}
