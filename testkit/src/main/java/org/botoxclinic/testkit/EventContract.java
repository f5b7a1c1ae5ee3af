package org.botoxclinic.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates a published payload against the event's JSON Schema in contracts/schemas. */
public final class EventContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private EventContract() {
    }

    /** @return the violations, empty when the payload honours the contract */
    public static Set<String> violations(String eventType, String payload) {
        JsonSchema schema = schema(eventType);
        try {
            JsonNode json = MAPPER.readTree(payload);
            return schema.validate(json).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of("payload is not JSON: " + e.getMessage());
        }
    }

    public static void assertValid(String eventType, String payload) {
        Set<String> violations = violations(eventType, payload);
        if (!violations.isEmpty()) {
            throw new AssertionError(eventType + " does not honour its contract: " + violations);
        }
    }

    private static JsonSchema schema(String eventType) {
        String resource = "contracts/schemas/" + eventType + ".schema.json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no contract for event type " + eventType + " (" + resource + ")");
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
