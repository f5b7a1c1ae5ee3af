package org.botoxclinic.scheduling.appointment;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.scheduling.support.Fixtures.book;
import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.clinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.scheduling.appointment.service.NoShowJob;
import org.botoxclinic.scheduling.support.Fixtures;
import org.botoxclinic.scheduling.support.TestClocks;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AppointmentLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DECEMBER_CLINIC = LocalDate.of(2026, 12, 16);
    private static final LocalDate JANUARY_CLINIC = LocalDate.of(2027, 1, 20);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    @Inject
    NoShowJob noShowJob;

    @AfterEach
    void resetClock() {
        TestClocks.reset();
    }

    private JsonNode published(String type, UUID referralId) throws Exception {
        try (KafkaProbe probe = new KafkaProbe(kafka, "scheduling-events")) {
            ConsumerRecord<String, String> record = probe.awaitType(type, referralId.toString(), WAIT);
            assertEquals("/scheduling-service", KafkaProbe.header(record, "ce_source"));
            EventContract.assertValid(type, record.value());
            return JSON.readTree(record.value());
        }
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    @Test
    void shouldBookTheSuggestedClinicDayAndPublishTheBooking() throws Exception {
        UUID referral = readyPlan(em);
        scheduler().get("/api/treatment-plans/" + referral).then().statusCode(200)
                .body("status", equalTo("READY_TO_SCHEDULE"))
                .body("nextEligibleDate", equalTo("2026-12-01"))
                .body("suggestedClinicDay", equalTo("2026-12-16"))
                .body("authorization.number", equalTo("AUTH-T"));

        UUID id = UUID.fromString(book(referral, DECEMBER_CLINIC).statusCode(201)
                .header("Location", containsString("/api/appointments/"))
                .body("referralId", equalTo(referral.toString()))
                .body("date", equalTo("2026-12-16"))
                .body("durationMinutes", equalTo(30))
                .body("status", equalTo("BOOKED"))
                .extract().path("id"));

        JsonNode event = published("AppointmentScheduled", referral);
        assertEquals(id.toString(), event.get("appointmentId").asText());
        assertEquals("2026-12-16", event.get("date").asText());
        assertEquals(30, event.get("durationMinutes").asInt());
        scheduler().get("/api/treatment-plans/" + referral).then()
                .body("status", equalTo("SCHEDULED")).body("suggestedClinicDay", nullValue());
        scheduler().get("/api/appointments/" + id).then().statusCode(200).body("status", equalTo("BOOKED"));
        scheduler().queryParam("referralId", referral).get("/api/appointments").then().statusCode(200)
                .body("id", contains(id.toString()));
        book(referral, JANUARY_CLINIC).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("ALREADY_BOOKED"));

        given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("referralId", referral).get("/api/audit")
                .then().statusCode(200).body("action", hasItems("READ", "BOOK"))
                .body("resourceType", hasItems("treatment-plan", "appointment"));
    }

    @Test
    void shouldRefuseEachBookingRuleWithItsCode() {
        UUID awaiting = readyPlan(em);
        sql("update treatment_plan set status = 'AUTHORIZATION_DENIED' where referral_id = ?1", awaiting);
        book(awaiting, DECEMBER_CLINIC).statusCode(422).body("code", equalTo("NOT_AUTHORIZED"));

        UUID ready = readyPlan(em);
        book(ready, LocalDate.of(2027, 6, 16)).statusCode(422).body("code", equalTo("OUTSIDE_AUTHORIZATION_WINDOW"));

        UUID usedUp = readyPlan(em);
        sql("update treatment_plan set visits_used = 2 where referral_id = ?1", usedUp);
        book(usedUp, DECEMBER_CLINIC).statusCode(422).body("code", equalTo("NO_VISITS_LEFT"));

        UUID recent = readyPlan(em, "CHRONIC_MIGRAINE", Fixtures.VALID_FROM, Fixtures.VALID_TO, 2, 310,
                DECEMBER_CLINIC.minusDays(83));
        book(recent, DECEMBER_CLINIC).statusCode(422).body("code", equalTo("TOO_SOON"))
                .body("earliestDate", equalTo("2026-12-17"));
        UUID longEnough = readyPlan(em, "CHRONIC_MIGRAINE", Fixtures.VALID_FROM, Fixtures.VALID_TO, 2, 310,
                DECEMBER_CLINIC.minusDays(84));
        book(longEnough, DECEMBER_CLINIC).statusCode(201);

        book(ready, LocalDate.of(2026, 12, 15)).statusCode(422).body("code", equalTo("NOT_A_CLINIC_DAY"));
        book(ready, LocalDate.of(2026, 11, 23)).statusCode(400).body("violations.field", hasItem("date"));

        LocalDate smallDay = LocalDate.of(2026, 12, 21);
        clinicDay(smallDay, 15);
        book(ready, smallDay).statusCode(422).body("code", equalTo("CLINIC_DAY_FULL")).body("availableMinutes", equalTo(15));
        UUID eyelids = readyPlan(em, "BLEPHAROSPASM", Fixtures.VALID_FROM, Fixtures.VALID_TO, 2, 100, null);
        book(eyelids, smallDay).statusCode(201).body("durationMinutes", equalTo(15));
        UUID moreEyelids = readyPlan(em, "BLEPHAROSPASM", Fixtures.VALID_FROM, Fixtures.VALID_TO, 2, 100, null);
        book(moreEyelids, smallDay).statusCode(422).body("code", equalTo("CLINIC_DAY_FULL"));
        scheduler().queryParam("from", smallDay.toString()).queryParam("to", smallDay.toString()).get("/api/clinic-days")
                .then().body("[0].bookedMinutes", equalTo(15)).body("[0].availableMinutes", equalTo(0))
                .body("[0].appointmentCount", equalTo(1));

        book(UUID.randomUUID(), DECEMBER_CLINIC).statusCode(404);
        scheduler().body("{\"date\":\"2026-12-16\"}").post("/api/appointments").then().statusCode(400);
    }

    @Test
    void shouldTreatOnTheDayAndPublishTreatmentCompleted() throws Exception {
        UUID referral = readyPlan(em);
        UUID id = booked(referral, DECEMBER_CLINIC);
        String units = "{\"unitsAdministered\":155,\"unitsWasted\":45,\"injectionSites\":31,\"notes\":\"tolerated well\"}";
        scheduler().body(units).post("/api/appointments/" + id + "/complete").then().statusCode(422)
                .body("code", equalTo("BEFORE_APPOINTMENT_DATE"));
        scheduler().post("/api/appointments/" + id + "/no-show").then().statusCode(422)
                .body("code", equalTo("BEFORE_APPOINTMENT_DATE"));

        TestClocks.setToday(DECEMBER_CLINIC);
        scheduler().post("/api/appointments/" + id + "/check-in").then().statusCode(200).body("status", equalTo("CHECKED_IN"));
        scheduler().post("/api/appointments/" + id + "/no-show").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION")).body("currentStatus", equalTo("CHECKED_IN"));
        scheduler().body(units).post("/api/appointments/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("unitsAdministered", equalTo(155)).body("unitsWasted", equalTo(45));

        JsonNode event = published("TreatmentCompleted", referral);
        assertEquals("AUTH-T", event.get("authorizationNumber").asText());
        assertEquals(155, event.get("unitsAdministered").asInt());
        assertEquals(45, event.get("unitsWasted").asInt());
        assertEquals("2026-12-16", event.get("date").asText());

        scheduler().get("/api/treatment-plans/" + referral).then()
                .body("status", equalTo("READY_TO_SCHEDULE"))
                .body("lastTreatmentDate", equalTo("2026-12-16"))
                .body("nextEligibleDate", equalTo("2027-03-10"))
                .body("suggestedClinicDay", equalTo("2027-03-17"))
                .body("authorization.visitsRemaining", equalTo(1))
                .body("authorization.unitsRemaining", equalTo(110));
        scheduler().body("{\"reason\":\"late\",\"by\":\"CLINIC\"}").post("/api/appointments/" + id + "/cancel").then()
                .statusCode(409).body("currentStatus", equalTo("FULFILLED"));
        book(referral, LocalDate.of(2027, 2, 17)).statusCode(422).body("code", equalTo("TOO_SOON")).body("earliestDate", equalTo("2027-03-10"));
    }

    @Test
    void shouldRescheduleUnderTheSameChecksAndCancel() throws Exception {
        UUID referral = readyPlan(em);
        UUID id = booked(referral, DECEMBER_CLINIC);
        scheduler().body("{\"date\":\"2026-12-17\"}").post("/api/appointments/" + id + "/reschedule").then()
                .statusCode(422).body("code", equalTo("NOT_A_CLINIC_DAY"));
        scheduler().body("{\"date\":\"2027-06-16\"}").post("/api/appointments/" + id + "/reschedule").then()
                .statusCode(422).body("code", equalTo("OUTSIDE_AUTHORIZATION_WINDOW"));
        scheduler().body("{\"date\":\"2027-01-20\"}").post("/api/appointments/" + id + "/reschedule").then()
                .statusCode(200).body("date", equalTo("2027-01-20")).body("status", equalTo("BOOKED"));
        JsonNode moved = published("AppointmentRescheduled", referral);
        assertEquals("2026-12-16", moved.get("previousDate").asText());
        assertEquals("2027-01-20", moved.get("date").asText());

        scheduler().body("{\"reason\":\"travelling\",\"by\":\"PATIENT\"}").post("/api/appointments/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("PATIENT"));
        JsonNode cancelled = published("AppointmentCancelled", referral);
        assertEquals("PATIENT", cancelled.get("cancelledBy").asText());
        assertEquals("travelling", cancelled.get("reason").asText());
        scheduler().body("{\"date\":\"2026-12-16\"}").post("/api/appointments/" + id + "/reschedule").then()
                .statusCode(409).body("currentStatus", equalTo("CANCELLED"));
        scheduler().body("{\"reason\":\"\",\"by\":\"SOMEONE\"}").post("/api/appointments/" + id + "/cancel").then()
                .statusCode(400);
        scheduler().get("/api/treatment-plans/" + referral).then().body("status", equalTo("READY_TO_SCHEDULE"));
        booked(referral, DECEMBER_CLINIC);
    }

    @Test
    void shouldCapTheDoseAcrossIndicationsAndFlagUnitsBeyondTheAuthorization() {
        String patient = "Dose-" + UUID.randomUUID();
        UUID migraine = readyPlan(em, "CHRONIC_MIGRAINE", Fixtures.VALID_FROM, Fixtures.VALID_TO, 2, 310, null, patient);
        UUID dystonia = readyPlan(em, "CERVICAL_DYSTONIA", Fixtures.VALID_FROM, Fixtures.VALID_TO, 2, 500, null, patient);
        UUID first = booked(migraine, DECEMBER_CLINIC);
        UUID second = booked(dystonia, JANUARY_CLINIC);

        TestClocks.setToday(DECEMBER_CLINIC);
        scheduler().body("{\"unitsAdministered\":300,\"unitsWasted\":50}").post("/api/appointments/" + first + "/complete")
                .then().statusCode(200);
        scheduler().get("/api/treatment-plans/" + migraine).then()
                .body("authorization.unitsRemaining", equalTo(0))
                .body("authorization.unitsOverrun", equalTo(true))
                .body("authorization.unitsOverBy", equalTo(40));

        TestClocks.setToday(JANUARY_CLINIC);
        scheduler().body("{\"unitsAdministered\":101,\"unitsWasted\":0}").post("/api/appointments/" + second + "/complete")
                .then().statusCode(422).body("code", equalTo("DOSE_LIMIT_EXCEEDED")).body("unitsAllowed", equalTo(100));
        scheduler().get("/api/appointments/" + second).then().body("status", equalTo("BOOKED"));
        scheduler().body("{\"unitsAdministered\":100,\"unitsWasted\":0}").post("/api/appointments/" + second + "/complete")
                .then().statusCode(200);
    }

    @Test
    void shouldMarkANoShowOnlyAfterTheDayAndTheGracePeriod() throws Exception {
        LocalDate monday = LocalDate.of(2026, 12, 14);
        clinicDay(monday, 120);
        UUID referral = readyPlan(em);
        UUID id = booked(referral, monday);

        // The day ends at midnight clinic time; the grace period is 24 h.
        TestClocks.CLOCK.set(Instant.parse("2026-12-16T04:59:59Z"));
        noShowJob.markMissed();
        scheduler().get("/api/appointments/" + id).then().body("status", equalTo("BOOKED"));

        TestClocks.CLOCK.set(Instant.parse("2026-12-16T05:00:00Z"));
        noShowJob.markMissed();
        scheduler().get("/api/appointments/" + id).then().body("status", equalTo("NOSHOW"));
        assertEquals(monday.toString(), published("AppointmentNoShow", referral).get("date").asText());

        scheduler().get("/api/worklist?kind=no-shows").then().statusCode(200)
                .body("referralId", hasItem(referral.toString()))
                .body("find { it.referralId == '%s' }.appointment.id".formatted(referral), equalTo(id.toString()));
        scheduler().get("/api/treatment-plans/" + referral).then().body("status", equalTo("READY_TO_SCHEDULE"));
        booked(referral, DECEMBER_CLINIC);
        scheduler().get("/api/worklist?kind=no-shows").then().body("referralId", not(hasItem(referral.toString())));
    }

    @Test
    void shouldListTheSchedulersQueues() {
        UUID due = readyPlan(em);
        UUID notYetDue = readyPlan(em, "CHRONIC_MIGRAINE", Fixtures.VALID_FROM, Fixtures.VALID_TO, 2, 310,
                LocalDate.of(2026, 11, 1));
        UUID ending = readyPlan(em, "CHRONIC_MIGRAINE", Fixtures.VALID_FROM, LocalDate.of(2026, 12, 31), 1, 200, null);
        UUID bookedPlan = readyPlan(em);
        booked(bookedPlan, DECEMBER_CLINIC);

        scheduler().get("/api/worklist?kind=ready-to-schedule").then().statusCode(200)
                .body("referralId", hasItems(due.toString(), notYetDue.toString(), ending.toString()))
                .body("referralId", not(hasItem(bookedPlan.toString())));
        scheduler().get("/api/worklist?kind=due").then().statusCode(200)
                .body("referralId", hasItems(due.toString(), ending.toString()))
                .body("referralId", not(hasItem(notYetDue.toString())))
                .body("referralId", not(hasItem(bookedPlan.toString())))
                .body("find { it.referralId == '%s' }.plan.nextEligibleDate".formatted(due), equalTo("2026-12-01"));
        scheduler().get("/api/worklist?kind=authorization-ending").then().statusCode(200)
                .body("referralId", hasItem(ending.toString()))
                .body("referralId", not(hasItem(due.toString())));
        scheduler().get("/api/worklist?kind=everything").then().statusCode(400);
    }

    @Test
    void shouldAdmitOnlySchedulersAndAdmins() {
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).contentType("application/json")
                .body("{\"referralId\":\"%s\",\"date\":\"2026-12-16\"}".formatted(UUID.randomUUID()))
                .post("/api/appointments").then().statusCode(403);
        given().auth().oauth2(DevTokens.forGroup("intake")).get("/api/worklist?kind=due").then().statusCode(403);
        given().get("/api/clinic-days").then().statusCode(401);
        given().auth().oauth2(DevTokens.forGroup("admin")).get("/api/worklist?kind=due").then().statusCode(200);
    }
}
