package org.botoxclinic.scheduling.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.botoxclinic.testkit.EventContract;
import org.junit.jupiter.api.Test;
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

    @Test
    void shouldHoldOutcomeRecordedToItsScalesAndTreatmentCompletedToItsLatestOutcome() throws IOException {
        String outcome = example("OutcomeRecorded");
        assertEquals(Set.of(), EventContract.violations("OutcomeRecorded", outcome));
        assertEquals(Set.of(), EventContract.violations("OutcomeRecorded",
                outcome.replaceFirst("\\{\\s*\"measure\"[^}]+}", "null").replace("55.0", "null")));
        assertFalse(EventContract.violations("OutcomeRecorded", outcome.replace("\"HEADACHE_DAYS_PER_MONTH\",\n  \"value\"",
                "\"PAIN_SCORE\",\n  \"value\"")).isEmpty());
        assertFalse(EventContract.violations("OutcomeRecorded", outcome.replace("\"value\": 9", "\"value\": 271")).isEmpty());
        assertFalse(EventContract.violations("OutcomeRecorded", outcome.replace("\"assessedOn\": \"2026-07-08\"",
                "\"assessedOn\": \"08/07/2026\"")).isEmpty());
        assertFalse(EventContract.violations("OutcomeRecorded", outcome.replace("\"treatmentsCompleted\"", "\"treatments\""))
                .isEmpty());

        String treated = example("TreatmentCompleted");
        String noOutcome = treated.replaceFirst("\"latestOutcome\": \\{[^}]+}", "\"latestOutcome\": null");
        assertEquals(Set.of(), EventContract.violations("TreatmentCompleted", noOutcome));
        // A record published before outcomes existed carries neither field.
        String older = noOutcome.replaceFirst(",\\s*\"indication\": \"[A-Z_]+\",\\s*\"latestOutcome\": null", "");
        assertFalse(older.contains("indication"), older);
        assertEquals(Set.of(), EventContract.violations("TreatmentCompleted", older));
        assertFalse(EventContract.violations("TreatmentCompleted", treated.replace("\"baselineValue\"", "\"baseline\""))
                .isEmpty());
    }
}
