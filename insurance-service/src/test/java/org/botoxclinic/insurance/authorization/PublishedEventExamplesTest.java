package org.botoxclinic.insurance.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.botoxclinic.testkit.EventContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedEventExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"AuthorizationSubmitted", "AuthorizationApproved", "AuthorizationDenied", "AuthorizationExpired",
            "AuthorizationExhausted", "ReauthorizationRequired"})
    void shouldDocumentEachPublishedEventWithAnExampleThatHonoursItsSchema(String type) throws IOException {
        String example = Files.readString(Path.of("../contracts/examples/" + type + ".json"));
        assertEquals(Set.of(), EventContract.violations(type, example));
        assertFalse(EventContract.violations(type, "{\"referralId\":\"not-a-uuid\"}").isEmpty());
    }
}
