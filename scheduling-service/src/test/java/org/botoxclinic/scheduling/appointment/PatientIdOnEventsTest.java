package org.botoxclinic.scheduling.appointment;

import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every event this service publishes names the plan's patient id, and honours its contract without one too. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class PatientIdOnEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    @BeforeEach
    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldPutThePatientIdOnEveryAppointmentAndTreatmentEvent() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID referral = readyPlan(em, "CHRONIC_MIGRAINE", TestDates.validFrom(), TestDates.validTo(), 4, 620, null,
                "Events-" + UUID.randomUUID(), patient);
        LocalDate first = TestDates.clinicDay(1);
        LocalDate second = TestDates.clinicDay(2);

        UUID moved = booked(referral, first);
        scheduler().body("{\"date\":\"%s\"}".formatted(second)).post("/api/appointments/" + moved + "/reschedule")
                .then().statusCode(200);
        scheduler().body("{\"reason\":\"travelling\",\"by\":\"PATIENT\"}").post("/api/appointments/" + moved + "/cancel")
                .then().statusCode(200);
        UUID missed = booked(referral, first);
        TestClock.setToday(first);
        scheduler().post("/api/appointments/" + missed + "/no-show").then().statusCode(200);
        UUID treated = booked(referral, second);
        TestClock.setToday(second);
        scheduler().body("{\"unitsAdministered\":155,\"unitsWasted\":5}").post("/api/appointments/" + treated + "/complete")
                .then().statusCode(200);

        try (KafkaProbe probe = new KafkaProbe(kafka, "scheduling-events")) {
            for (String type : List.of("AppointmentScheduled", "AppointmentRescheduled", "AppointmentCancelled",
                    "AppointmentNoShow", "TreatmentCompleted")) {
                ConsumerRecord<String, String> record = probe.awaitType(type, referral.toString(), WAIT);
                EventContract.assertValid(type, record.value());
                assertEquals(patient.toString(), JSON.readTree(record.value()).path("patientId").asText(), type);
            }
        }
    }

    @Test
    void shouldPublishAPlanWithoutPatientIdWithinTheContract() throws Exception {
        UUID referral = readyPlan(em);
        booked(referral, TestDates.clinicDay(1));
        try (KafkaProbe probe = new KafkaProbe(kafka, "scheduling-events")) {
            ConsumerRecord<String, String> record = probe.awaitType("AppointmentScheduled", referral.toString(), WAIT);
            EventContract.assertValid("AppointmentScheduled", record.value());
            JsonNode payload = JSON.readTree(record.value());
            assertTrue(payload.path("patientId").isNull() || payload.path("patientId").isMissingNode(), record.value());
        }
    }
}
