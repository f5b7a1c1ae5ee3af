package org.botoxclinic.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.botoxclinic.contracts.EventTypes;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static String example(String type) throws IOException {
        return Files.readString(Path.of("../contracts/examples/" + type + ".json"));
    }

    @Test
    void shouldAcceptTheDocumentedExamples() throws IOException {
        assertTrue(EventContract.violations("ReferralAccepted", example("ReferralAccepted")).isEmpty());
        assertTrue(EventContract.violations("AuthorizationApproved", example("AuthorizationApproved")).isEmpty());
    }

    @Test
    void shouldAcceptTheDocumentedExamplesOfEveryReferralEvent() throws IOException {
        for (String type : List.of(EventTypes.REFERRAL_ACCEPTED, EventTypes.REFERRAL_DECLINED, EventTypes.REFERRAL_CANCELLED,
                EventTypes.PATIENT_MERGED)) {
            assertEquals(Set.of(), EventContract.violations(type, example(type)), type);
        }
    }

    @Test
    void shouldAcceptPatientIdAndBaselineAndStillEventsWithoutThem() {
        UUID referral = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        String withPatient = SampleEvents.referralAccepted(referral, patient);
        assertTrue(withPatient.contains(patient.toString()));
        assertEquals(Set.of(), EventContract.violations(EventTypes.REFERRAL_ACCEPTED, withPatient));
        assertEquals(Set.of(), EventContract.violations(EventTypes.REFERRAL_ACCEPTED,
                withPatient.replace("{\"measure\":\"HEADACHE_DAYS_PER_MONTH\",\"value\":20}", "null")));
        assertFalse(EventContract.violations(EventTypes.REFERRAL_ACCEPTED,
                withPatient.replace("\"value\":20", "\"value\":\"twenty\"")).isEmpty());
        assertFalse(EventContract.violations(EventTypes.REFERRAL_ACCEPTED,
                withPatient.replace(patient.toString(), "not-a-uuid")).isEmpty());
        String merged = SampleEvents.patientMerged(patient, UUID.randomUUID(), referral);
        assertEquals(Set.of(), EventContract.violations(EventTypes.PATIENT_MERGED, merged));
        assertFalse(EventContract.violations(EventTypes.PATIENT_MERGED, merged.replace("\"mergedPatientId\"", "\"other\"")).isEmpty());
    }

    @Test
    void shouldAcceptTheSampleEventsConsumerTestsSend() {
        UUID referral = UUID.randomUUID();
        assertEquals(java.util.Set.of(), java.util.Set.copyOf(
                EventContract.violations("ReferralAccepted", SampleEvents.referralAccepted(referral))));
        assertEquals(java.util.Set.of(), java.util.Set.copyOf(
                EventContract.violations("AuthorizationApproved", SampleEvents.authorizationApproved(referral, UUID.randomUUID()))));
        assertEquals(java.util.Set.of(), java.util.Set.copyOf(EventContract.violations("ReferralAccepted",
                SampleEvents.referralAcceptedWithBaseline(referral, "HEADACHE_DAYS_PER_MONTH", "20"))));
        // On the minute, where OffsetDateTime.toString would drop the seconds the schema requires.
        java.time.OffsetDateTime onTheMinute = java.time.OffsetDateTime.parse("2029-01-01T10:00:00Z");
        assertEquals(java.util.Set.of(), java.util.Set.copyOf(
                EventContract.violations("ReferralAccepted", SampleEvents.referralAccepted(referral, onTheMinute))));
    }

    @Test
    void shouldStillAcceptAReferralAcceptedPublishedWithThePatientsContactDetails() {
        String older = SampleEvents.referralAcceptedWithContactDetails(UUID.randomUUID());
        assertTrue(older.contains("\"phone\"") && older.contains("\"address\""));
        assertEquals(java.util.Set.of(), java.util.Set.copyOf(EventContract.violations("ReferralAccepted", older)));
    }

    @Test
    void shouldDescribeOnlyThePatientFieldsAConsumerReads() throws IOException {
        // Identity for the payer and the plan; phone and email for scheduling-service's reminders; never the address.
        ObjectMapper json = new ObjectMapper();
        JsonNode patient = json.readTree(Files.readString(Path.of("../contracts/schemas/ReferralAccepted.schema.json")))
                .path("$defs").path("Patient").path("properties");
        JsonNode examplePatient = json.readTree(example("ReferralAccepted")).path("patient");
        Set<String> read = Set.of("firstName", "lastName", "dateOfBirth", "sex", "phone", "email");
        assertEquals(read, fieldNames(patient));
        assertEquals(read, fieldNames(examplePatient));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void shouldRejectAPayloadThatBreaksTheContract() throws IOException {
        String noPatient = example("ReferralAccepted").replaceFirst("\"patient\"", "\"somebody\"");
        assertFalse(EventContract.violations("ReferralAccepted", noPatient).isEmpty());
        String badDate = example("AuthorizationApproved").replaceFirst("\"validTo\"\\s*:\\s*\"[^\"]+\"", "\"validTo\": \"31/05/2027\"");
        assertFalse(EventContract.violations("AuthorizationApproved", badDate).isEmpty());
        String badUnits = example("AuthorizationApproved").replaceFirst("\"approvedUnits\"\\s*:\\s*\\d+", "\"approvedUnits\": 0");
        assertFalse(EventContract.violations("AuthorizationApproved", badUnits).isEmpty());
    }
}
