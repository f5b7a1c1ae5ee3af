package org.botoxclinic.scheduling.clinicday;

import static org.botoxclinic.scheduling.support.Fixtures.clinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
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

/**
 * Bookings get a start time, a chair and an injector: the first free ones, or the requested ones when free (409 with
 * the nearest free times when not); rescheduling moves them; the events carry the time.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class TimedBookingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    @BeforeEach
    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** Extra clinic days of these tests, away from the rule's days and from other tests' days. */
    static LocalDate day(int n) {
        return TestDates.clinicDay(4).plusDays(14 + n);
    }

    static ValidatableResponse book(UUID referral, LocalDate date, String extra) {
        return scheduler().body("{\"referralId\":\"%s\",\"date\":\"%s\"%s}".formatted(referral, date, extra))
                .post("/api/appointments").then();
    }

    private UUID plan() {
        return readyPlan(em);
    }

    @Test
    void shouldGiveEachBookingTheFirstChairAndInjectorFreeTogether() {
        LocalDate date = day(1);
        clinicDay(date, 720);
        book(plan(), date, "").statusCode(201).body("startTime", equalTo("09:00:00")).body("endTime", equalTo("09:30:00"))
                .body("chair", equalTo("chair-1")).body("providerId", equalTo("injector-1"));
        book(plan(), date, "").statusCode(201).body("startTime", equalTo("09:00:00"))
                .body("chair", equalTo("chair-2")).body("providerId", equalTo("injector-2"));
        book(plan(), date, "").statusCode(201).body("startTime", equalTo("09:30:00"))
                .body("chair", equalTo("chair-1")).body("providerId", equalTo("injector-1"));

        scheduler().get("/api/clinic-days/{date}/schedule", date.toString()).then().statusCode(200)
                .body("items.startTime", contains("09:00:00", "09:00:00", "09:30:00"))
                .body("items.chair", contains("chair-1", "chair-2", "chair-1"))
                .body("items.endTime", contains("09:30:00", "09:30:00", "10:00:00"))
                .body("place", equalTo("Neurology clinic, Botox clinic day"));
    }

    @Test
    void shouldBookTheRequestedTimeOrAnswerWithTheNearestFreeTimes() {
        LocalDate date = day(2);
        clinicDay(date, 720);
        book(plan(), date, ",\"startTime\":\"10:00\"").statusCode(201).body("startTime", equalTo("10:00:00"))
                .body("chair", equalTo("chair-1"));
        book(plan(), date, ",\"startTime\":\"10:00\"").statusCode(201).body("chair", equalTo("chair-2"))
                .body("providerId", equalTo("injector-2"));

        // Both chairs and injectors are taken 10:00-10:30: free 30-minute starts are 09:00-09:30 and 10:30 on.
        book(plan(), date, ",\"startTime\":\"10:00\"").statusCode(409).body("code", equalTo("SLOT_UNAVAILABLE"))
                .body("nearestFreeTimes", contains("09:30", "10:30", "09:15", "10:45", "09:00", "11:00"));
        book(plan(), date, ",\"startTime\":\"10:29\"").statusCode(409).body("code", equalTo("SLOT_UNAVAILABLE"));
        book(plan(), date, ",\"startTime\":\"09:31\"").statusCode(409).body("code", equalTo("SLOT_UNAVAILABLE"));
        book(plan(), date, ",\"startTime\":\"09:30\"").statusCode(201).body("endTime", equalTo("10:00:00"));
        book(plan(), date, ",\"startTime\":\"10:30\",\"chair\":\"chair-2\"").statusCode(201)
                .body("chair", equalTo("chair-2"));

        // The chairs close at 15:00: a 30-minute appointment fits at 14:30, not at 14:31.
        book(plan(), date, ",\"startTime\":\"14:30\"").statusCode(201).body("endTime", equalTo("15:00:00"));
        book(plan(), date, ",\"startTime\":\"14:31\"").statusCode(409)
                .body("nearestFreeTimes", contains("14:30", "14:15", "14:00"));

        // A chair or injector the day does not have, or a time that is not a whole minute, names the field.
        book(plan(), date, ",\"chair\":\"chair-9\"").statusCode(400).body("violations.field", contains("chair"));
        book(plan(), date, ",\"providerId\":\"nobody\"").statusCode(400).body("violations.field", contains("providerId"));
        book(plan(), date, ",\"startTime\":\"10:00:30\"").statusCode(400).body("violations.field", contains("startTime"));
        book(plan(), date, ",\"startTime\":\"25:00\"").statusCode(400);
    }

    @Test
    void shouldRescheduleToARequestedTimeAndPublishTheTime() throws Exception {
        LocalDate date = day(3);
        LocalDate later = day(4);
        clinicDay(date, 720);
        clinicDay(later, 720);
        UUID referral = plan();
        UUID id = UUID.fromString(book(referral, date, "").statusCode(201).extract().path("id"));

        scheduler().body("{\"date\":\"%s\"}".formatted(date)).post("/api/appointments/" + id + "/reschedule").then()
                .statusCode(200).body("startTime", equalTo("09:00:00")).body("chair", equalTo("chair-1"));
        scheduler().body("{\"date\":\"%s\",\"startTime\":\"11:15\",\"providerId\":\"injector-2\"}".formatted(date))
                .post("/api/appointments/" + id + "/reschedule").then().statusCode(200)
                .body("startTime", equalTo("11:15:00")).body("chair", equalTo("chair-1"))
                .body("providerId", equalTo("injector-2"));
        UUID other = UUID.fromString(book(plan(), later, ",\"startTime\":\"13:00\",\"chair\":\"chair-1\"")
                .statusCode(201).extract().path("id"));
        scheduler().body("{\"date\":\"%s\",\"startTime\":\"13:00\",\"chair\":\"chair-1\"}".formatted(later))
                .post("/api/appointments/" + id + "/reschedule").then().statusCode(409)
                .body("code", equalTo("SLOT_UNAVAILABLE")).body("nearestFreeTimes[0]", equalTo("12:30"));
        scheduler().body("{\"date\":\"%s\",\"startTime\":\"13:30\",\"chair\":\"chair-1\"}".formatted(later))
                .post("/api/appointments/" + id + "/reschedule").then().statusCode(200)
                .body("date", equalTo(later.toString())).body("startTime", equalTo("13:30:00"));
        scheduler().get("/api/clinic-days/{date}/schedule", later.toString()).then().statusCode(200)
                .body("items.appointmentId", contains(other.toString(), id.toString()));

        try (KafkaProbe probe = new KafkaProbe(kafka, "scheduling-events")) {
            ConsumerRecord<String, String> scheduled = probe.awaitType("AppointmentScheduled", referral.toString(),
                    Duration.ofSeconds(20));
            EventContract.assertValid("AppointmentScheduled", scheduled.value());
            JsonNode s = JSON.readTree(scheduled.value());
            assertEquals("09:00:00", s.path("startTime").asText());
            assertEquals("09:30:00", s.path("endTime").asText());
            assertEquals("chair-1", s.path("chair").asText());
            assertEquals("injector-1", s.path("providerId").asText());
            assertEquals(date.atTime(9, 0).atZone(TestClock.ZONE).toOffsetDateTime().toInstant(),
                    OffsetDateTime.parse(s.path("startsAt").asText()).toInstant());
            assertEquals(date.atTime(9, 0).atZone(TestClock.ZONE).getOffset(),
                    OffsetDateTime.parse(s.path("startsAt").asText()).getOffset());

            ConsumerRecord<String, String> moved = probe.await(r -> r.key().equals(referral.toString())
                    && "AppointmentRescheduled".equals(KafkaProbe.header(r, "ce_type"))
                    && r.value().contains(later.toString()), Duration.ofSeconds(20));
            EventContract.assertValid("AppointmentRescheduled", moved.value());
            JsonNode m = JSON.readTree(moved.value());
            assertEquals(date.toString(), m.path("previousDate").asText());
            assertEquals("11:15:00", m.path("previousStartTime").asText());
            assertEquals("13:30:00", m.path("startTime").asText());
            assertEquals(later.atTime(13, 30).atZone(TestClock.ZONE).toOffsetDateTime().toInstant(),
                    OffsetDateTime.parse(m.path("startsAt").asText()).toInstant());
        }
    }

    @Test
    void shouldSetTheDaysChairsAndInjectorsAndBookWithinTheirHours() {
        LocalDate date = day(5);
        clinicDay(date, 720);
        String path = "/api/clinic-days/" + date + "/resources";
        scheduler().get(path).then().statusCode(200).body("custom", equalTo(false))
                .body("chairs.id", contains("chair-1", "chair-2")).body("chairMinutes", equalTo(720));

        scheduler().body("""
                {"chairs":[{"id":"room-a","from":"08:00","to":"10:00"}],
                 "providers":[{"id":"dr-x","from":"08:30","to":"10:00"}]}""").put(path).then().statusCode(200)
                .body("custom", equalTo(true)).body("chairMinutes", equalTo(120))
                .body("providers[0].from", equalTo("08:30:00"));
        scheduler().get("/api/clinic-days/" + date).then().statusCode(200).body("capacityMinutes", equalTo(120));

        // The injector starts at 08:30 and leaves at 10:00: three 30-minute slots, though the chair has four.
        book(plan(), date, "").statusCode(201).body("startTime", equalTo("08:30:00")).body("chair", equalTo("room-a"))
                .body("providerId", equalTo("dr-x"));
        book(plan(), date, "").statusCode(201).body("startTime", equalTo("09:00:00"));
        book(plan(), date, "").statusCode(201).body("startTime", equalTo("09:30:00"));
        book(plan(), date, "").statusCode(422).body("code", equalTo("CLINIC_DAY_FULL"));
        scheduler().get("/api/clinic-days/" + date).then().statusCode(200).body("utilisation", equalTo(0.75f))
                .body("bookedMinutes", equalTo(90)).body("resources.chairs[0].id", equalTo("room-a"));

        // Resources that would leave an open appointment without its chair, injector or hours are refused.
        scheduler().body("""
                {"chairs":[{"id":"room-b","from":"08:00","to":"10:00"}],
                 "providers":[{"id":"dr-x","from":"08:30","to":"10:00"}]}""").put(path).then().statusCode(409)
                .body("code", equalTo("RESOURCES_IN_USE")).body("appointments.size()", equalTo(3));
        scheduler().body("""
                {"chairs":[{"id":"room-a","from":"08:00","to":"09:59"}],
                 "providers":[{"id":"dr-x","from":"08:30","to":"10:00"}]}""").put(path).then().statusCode(409)
                .body("code", equalTo("RESOURCES_IN_USE")).body("appointments[0].startTime", equalTo("09:30"));
        // Exactly covering every appointment is enough; capacity follows the chairs, never below the booked minutes.
        scheduler().body("""
                {"chairs":[{"id":"room-a","from":"08:30","to":"10:00"},{"id":"room-b","from":"12:00","to":"13:00"}],
                 "providers":[{"id":"dr-x","from":"08:30","to":"10:00"},{"id":"dr-y","from":"12:00","to":"13:00"}]}""")
                .put(path).then().statusCode(200).body("chairMinutes", equalTo(150));
        book(plan(), date, "").statusCode(201).body("startTime", equalTo("12:00:00")).body("chair", equalTo("room-b"))
                .body("providerId", equalTo("dr-y"));

        // Bad bodies name the field.
        scheduler().body("""
                {"chairs":[{"id":"room-a","from":"10:00","to":"09:00"}],"providers":[{"id":"dr-x","from":"08:30","to":"10:00"}]}""")
                .put(path).then().statusCode(400).body("violations.field", contains("chairs[0].to"));
        scheduler().body("""
                {"chairs":[{"id":"room-a","from":"08:00","to":"10:00"},{"id":"room-a","from":"11:00","to":"12:00"}],
                 "providers":[{"id":"dr-x","from":"08:30","to":"10:00"}]}""")
                .put(path).then().statusCode(400).body("violations.field", contains("chairs[1].id"));
        scheduler().body("{\"chairs\":[],\"providers\":[{\"id\":\"dr-x\",\"from\":\"08:30\",\"to\":\"10:00\"}]}")
                .put(path).then().statusCode(400);
        scheduler().body("{\"chairs\":[{\"id\":\"Dr Smith <x>\",\"from\":\"08:30\",\"to\":\"10:00\"}],"
                + "\"providers\":[{\"id\":\"dr-x\",\"from\":\"08:30\",\"to\":\"10:00\"}]}").put(path).then().statusCode(400);
        scheduler().body("{\"chairs\":[{\"id\":\"c\",\"from\":\"08:30\",\"to\":\"10:00\"}],"
                + "\"providers\":[{\"id\":\"p\",\"from\":\"08:30\",\"to\":\"10:00\"}]}")
                .put("/api/clinic-days/" + date.plusDays(100) + "/resources").then().statusCode(404);
    }

    @Test
    void shouldCountTheDaysNoShowsCancellationsAndUtilisation() {
        LocalDate date = day(6);
        clinicDay(date, 600);
        UUID cancelled = UUID.fromString(book(plan(), date, "").statusCode(201).extract().path("id"));
        UUID missed = UUID.fromString(book(plan(), date, "").statusCode(201).extract().path("id"));
        UUID treated = UUID.fromString(book(plan(), date, "").statusCode(201).extract().path("id"));
        book(plan(), date, "").statusCode(201);
        scheduler().get("/api/clinic-days/" + date).then().statusCode(200).body("utilisation", equalTo(0.2f))
                .body("noShows", equalTo(0)).body("cancellations", equalTo(0));

        scheduler().body("{\"reason\":\"travelling\",\"by\":\"PATIENT\"}").post("/api/appointments/" + cancelled + "/cancel")
                .then().statusCode(200);
        TestClock.setToday(date, LocalTime.of(16, 0));
        scheduler().post("/api/appointments/" + missed + "/no-show").then().statusCode(200);
        scheduler().body("{\"unitsAdministered\":155,\"unitsWasted\":5}").post("/api/appointments/" + treated + "/complete")
                .then().statusCode(200);

        // A cancellation frees its time; a no-show and a treatment keep theirs.
        scheduler().get("/api/clinic-days/" + date).then().statusCode(200)
                .body("bookedMinutes", equalTo(90)).body("utilisation", equalTo(0.15f))
                .body("noShows", equalTo(1)).body("cancellations", equalTo(1)).body("fulfilled", equalTo(1))
                .body("$", hasKey("resources"));
        scheduler().get("/api/clinic-days/{date}/schedule", date.toString()).then().statusCode(200)
                .body("items.status", contains("NOSHOW", "FULFILLED", "BOOKED"))
                .body("items[0].patient", nullValue());
        scheduler().get("/api/clinic-days/" + date.plusDays(100)).then().statusCode(404);
    }
}
