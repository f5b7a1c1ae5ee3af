package org.botoxclinic.insurance.authorization;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.botoxclinic.testkit.EventContract;

/**
 * Checks the payloads these tests send for events other services produce: against the shape this service reads
 * (src/test/resources/consumed-events, from the shared contract) and, where the producer's schema is on the classpath
 * (contracts/schemas), against that too.
 */
final class ConsumedEventContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private ConsumedEventContract() {
    }

    static Set<String> violations(String type, String payload) {
        Set<String> found = new TreeSet<>();
        try (InputStream in = resource("consumed-events/" + type + ".schema.json")) {
            if (in == null) {
                throw new AssertionError("no consumed-event shape for " + type);
            }
            JsonSchema schema = FACTORY.getSchema(in, CONFIG);
            schema.validate(MAPPER.readTree(payload)).stream().map(ValidationMessage::getMessage).forEach(found::add);
        } catch (IOException e) {
            found.add("payload is not JSON: " + e.getMessage());
        }
        try (InputStream producers = resource("contracts/schemas/" + type + ".schema.json")) {
            if (producers != null) {
                found.addAll(EventContract.violations(type, payload));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    static String valid(String type, String payload) {
        Set<String> violations = violations(type, payload);
        if (!violations.isEmpty()) {
            throw new AssertionError(type + " test payload breaks the contract: " + violations);
        }
        return payload;
    }

    private static InputStream resource(String name) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
    }
}
