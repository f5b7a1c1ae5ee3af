package org.botoxclinic.scheduling;

import static org.awaitility.Awaitility.await;
import static org.botoxclinic.scheduling.support.Fixtures.book;
import static org.botoxclinic.scheduling.support.Fixtures.openClinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.scheduling.plan.domain.TreatmentCadence;
import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case, driven by events on the broker and the scheduler's API: 250 U for chronic migraine; a cervical
 * dystonia referral for the same person with a misspelled surname, so under another patient id; staff merge the two
 * patients in referral-service (PatientMerged). Thirty days later the dystonia plan may be booked (the cadence runs per
 * indication) and 200 U are refused, 150 U allowed. The same two referrals of a person whose ids were not merged show
 * the other side: 200 U pass, since nothing tells this service they are one person.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class PatientMergeDoseLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** One person known under two patient ids: a migraine referral, and a dystonia referral with a misspelled surname. */
    private record Person(UUID patientId, UUID migraine, UUID misspelledPatientId, UUID dystonia) {
    }

    @Test
    void shouldRefuse200UnitsThirtyDaysAfter250OnceStaffMergedTheMisspelledPatientAndAllowThemBefore() throws Exception {
        LocalDate today = TestDates.startDay();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person merged = new Person(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Person unmerged = new Person(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        // Chronic migraine: accepted, approved from today, booked on the first clinic day and treated with 250 U.
        LocalDate treatedOn = TestDates.firstClinicDayFrom(today);
        List<UUID> migraineAppointments = new java.util.ArrayList<>();
        for (Person person : List.of(merged, unmerged)) {
            acceptedAndApproved(person.migraine(), person.patientId(), "CHRONIC_MIGRAINE", "Rivera-" + tag);
            migraineAppointments.add(appointment(book(person.migraine(), treatedOn).statusCode(201)));
        }
        TestClock.setToday(treatedOn);
        for (UUID appointment : migraineAppointments) {
            complete(appointment, 250).statusCode(200);
        }

        // Cervical dystonia, for the same person spelt "Riviera": another patient id, approved from the treatment day.
        for (Person person : List.of(merged, unmerged)) {
            acceptedAndApproved(person.dystonia(), person.misspelledPatientId(), "CERVICAL_DYSTONIA", "Riviera-" + tag);
        }
        publishMerge(merged.patientId(), merged.misspelledPatientId(), List.of(merged.dystonia()));
        await().atMost(WAIT).untilAsserted(() -> scheduler().get("/api/treatment-plans/" + merged.dystonia()).then()
                .statusCode(200).body("patientId", equalTo(merged.patientId().toString())));

        // The 84 days run per indication: the dystonia plan is eligible at once, the migraine plan 84 days after 250 U.
        for (Person person : List.of(merged, unmerged)) {
            scheduler().get("/api/treatment-plans/" + person.dystonia()).then()
                    .body("nextEligibleDate", equalTo(treatedOn.toString()));
            scheduler().get("/api/treatment-plans/" + person.migraine()).then()
                    .body("nextEligibleDate", equalTo(TreatmentCadence.earliestAfter(treatedOn).toString()));
        }
        scheduler().get("/api/treatment-plans/" + unmerged.dystonia()).then()
                .body("patientId", equalTo(unmerged.misspelledPatientId().toString()));

        // Thirty days later: booking is allowed by the cadence; the dose limit decides.
        LocalDate thirtyDaysLater = treatedOn.plusDays(30);
        openClinicDay(thirtyDaysLater);
        UUID mergedDystonia = appointment(book(merged.dystonia(), thirtyDaysLater).statusCode(201));
        UUID unmergedDystonia = appointment(book(unmerged.dystonia(), thirtyDaysLater).statusCode(201));
        TestClock.setToday(thirtyDaysLater);

        complete(mergedDystonia, 200).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("DOSE_LIMIT_EXCEEDED")).body("unitsAllowed", equalTo(150));
        scheduler().get("/api/appointments/" + mergedDystonia).then().body("status", equalTo("BOOKED"));
        complete(unmergedDystonia, 200).statusCode(200);
        complete(mergedDystonia, 150).statusCode(200);

        // Every event names the patient: the merged person's dystonia events the surviving id.
        try (KafkaProbe probe = new KafkaProbe(kafka, "scheduling-events")) {
            assertEquals(merged.patientId().toString(),
                    published(probe, "TreatmentCompleted", merged.migraine()).get("patientId").asText());
            assertEquals(merged.patientId().toString(),
                    published(probe, "AppointmentScheduled", merged.dystonia()).get("patientId").asText());
            JsonNode completed = published(probe, "TreatmentCompleted", merged.dystonia());
            assertEquals(merged.patientId().toString(), completed.get("patientId").asText());
            assertEquals(150, completed.get("unitsAdministered").asInt());
            assertEquals(unmerged.misspelledPatientId().toString(),
                    published(probe, "TreatmentCompleted", unmerged.dystonia()).get("patientId").asText());
        }
    }

    private void acceptedAndApproved(UUID referralId, UUID patientId, String indication, String lastName) {
        send("referral-events", "ReferralAccepted", referralId.toString(), referralId,
                SampleEvents.referralAcceptedFor(referralId, patientId, indication, "Alex", lastName));
        await().atMost(WAIT).untilAsserted(() -> scheduler().get("/api/treatment-plans/" + referralId).then()
                .statusCode(200).body("status", equalTo("AWAITING_AUTHORIZATION")));
        send("authorization-events", "AuthorizationApproved", referralId.toString(), referralId,
                SampleEvents.authorizationApprovedFor(referralId, UUID.randomUUID(), indication));
        await().atMost(WAIT).untilAsserted(() -> scheduler().get("/api/treatment-plans/" + referralId).then()
                .statusCode(200).body("status", equalTo("READY_TO_SCHEDULE"))
                .body("patientId", equalTo(patientId.toString())).body("indication", equalTo(indication)));
    }

    /** PatientMerged as the contract describes it: on referral-events, keyed by the surviving patient id. */
    private void publishMerge(UUID survivor, UUID mergedPatient, List<UUID> referralIds) {
        KafkaProbe.send(kafka, "referral-events", survivor.toString(),
                SampleEvents.patientMerged(survivor, mergedPatient, referralIds, TestClock.now()),
                SampleEvents.headers(UUID.randomUUID(), "PatientMerged", "/referral-service", survivor));
    }

    private void send(String topic, String type, String key, UUID subject, String payload) {
        EventContract.assertValid(type, payload);
        String source = topic.equals("referral-events") ? "/referral-service" : "/insurance-service";
        KafkaProbe.send(kafka, topic, key, payload, SampleEvents.headers(UUID.randomUUID(), type, source, subject));
    }

    private static ValidatableResponse complete(UUID appointment, int units) {
        return scheduler().body("{\"unitsAdministered\":%d,\"unitsWasted\":0}".formatted(units))
                .post("/api/appointments/" + appointment + "/complete").then();
    }

    private static UUID appointment(ValidatableResponse booked) {
        return UUID.fromString(booked.extract().path("id"));
    }

    private static JsonNode published(KafkaProbe probe, String type, UUID referralId) throws Exception {
        ConsumerRecord<String, String> record = probe.awaitType(type, referralId.toString(), WAIT);
        EventContract.assertValid(type, record.value());
        return JSON.readTree(record.value());
    }
}
