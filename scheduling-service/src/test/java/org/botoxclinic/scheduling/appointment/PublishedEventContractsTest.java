package org.botoxclinic.scheduling.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.botoxclinic.testkit.EventContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented examples of the events this service publishes honour their schemas, and a broken one does not. */
class PublishedEventContractsTest {

    private static String example(String type) throws IOException {
        return Files.readString(Path.of("../contracts/examples/" + type + ".json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AppointmentScheduled", "AppointmentRescheduled", "AppointmentCancelled", "AppointmentNoShow",
            "TreatmentCompleted"})
    void shouldAcceptTheDocumentedExample(String type) throws IOException {
        assertEquals(Set.of(), EventContract.violations(type, example(type)));
        String withoutReferral = example(type).replaceFirst("\"referralId\"", "\"someId\"");
        assertFalse(EventContract.violations(type, withoutReferral).isEmpty());
        String badDate = example(type).replaceFirst("\"date\"\\s*:\\s*\"[^\"]+\"", "\"date\": \"16/12/2026\"");
        assertFalse(EventContract.violations(type, badDate).isEmpty());
    }
}
