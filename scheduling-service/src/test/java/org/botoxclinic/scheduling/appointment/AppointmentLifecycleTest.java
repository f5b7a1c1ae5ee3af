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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AppointmentLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The day the test clock starts on, and the next three clinic days after it by the service's rule. */
    private LocalDate today;
    private LocalDate firstClinic;
    private LocalDate secondClinic;
    private LocalDate thirdClinic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    @Inject
    NoShowJob noShowJob;

    @BeforeEach
    void dates() {
        today = TestDates.startDay();
        firstClinic = TestDates.clinicDay(1);
        secondClinic = TestDates.clinicDay(2);
        thirdClinic = TestDates.clinicDay(3);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
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
                .body("nextEligibleDate", equalTo(TestDates.validFrom().toString()))
                .body("suggestedClinicDay", equalTo(firstClinic.toString()))
                .body("authorization.number", equalTo("AUTH-T"));

        UUID id = UUID.fromString(book(referral, firstClinic).statusCode(201)
                .header("Location", containsString("/api/appointments/"))
                .body("referralId", equalTo(referral.toString()))
                .body("date", equalTo(firstClinic.toString()))
                .body("durationMinutes", equalTo(30))
                .body("status", equalTo("BOOKED"))
                .extract().path("id"));

        JsonNode event = published("AppointmentScheduled", referral);
        assertEquals(id.toString(), event.get("appointmentId").asText());
        assertEquals(firstClinic.toString(), event.get("date").asText());
        assertEquals(30, event.get("durationMinutes").asInt());
        scheduler().get("/api/treatment-plans/" + referral).then()
                .body("status", equalTo("SCHEDULED")).body("suggestedClinicDay", nullValue());
        scheduler().get("/api/appointments/" + id).then().statusCode(200).body("status", equalTo("BOOKED"));
        scheduler().queryParam("referralId", referral).get("/api/appointments").then().statusCode(200)
                .body("items.id", contains(id.toString())).body("next", nullValue());
        book(referral, secondClinic).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("ALREADY_BOOKED"));

        given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("referralId", referral).get("/api/audit")
                .then().statusCode(200).body("items.action", hasItems("READ", "BOOK"))
                .body("items.resourceType", hasItems("treatment-plan", "appointment"));
    }

    @Test
    void shouldPageTheAppointmentsOfADayWithACursor() {
        LocalDate day = firstClinic.plusDays(3);
        clinicDay(day, 90);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(booked(readyPlan(em), day).toString());
        }

        List<Map<String, Object>> paged = Fixtures.allPages("/api/appointments?date=" + day, 2);
        assertEquals(Set.copyOf(ids), paged.stream().map(a -> (String) a.get("id")).collect(Collectors.toSet()));
        assertEquals(3, paged.size());
        String next = scheduler().queryParam("date", day.toString()).queryParam("limit", 2).get("/api/appointments")
                .then().statusCode(200).body("items", hasSize(2)).extract().path("next");
        scheduler().queryParam("date", day.toString()).queryParam("cursor", next).get("/api/appointments").then()
                .statusCode(200).body("items", hasSize(1)).body("next", nullValue());
        scheduler().queryParam("cursor", "not-a-cursor").get("/api/appointments").then().statusCode(400)
                .body("violations.field", hasItem("cursor"));
    }

    @Test
    void shouldRefuseEachBookingRuleWithItsCode() {
        UUID awaiting = readyPlan(em);
        sql("update treatment_plan set status = 'AUTHORIZATION_DENIED' where referral_id = ?1", awaiting);
        book(awaiting, firstClinic).statusCode(422).body("code", equalTo("NOT_AUTHORIZED"));

        UUID ready = readyPlan(em);
        book(ready, TestDates.firstClinicDayAfter(TestDates.validTo())).statusCode(422)
                .body("code", equalTo("OUTSIDE_AUTHORIZATION_WINDOW"));

        UUID usedUp = readyPlan(em);
        sql("update treatment_plan set visits_used = 2 where referral_id = ?1", usedUp);
        book(usedUp, firstClinic).statusCode(422).body("code", equalTo("NO_VISITS_LEFT"));

        UUID recent = readyPlan(em, "CHRONIC_MIGRAINE", TestDates.validFrom(), TestDates.validTo(), 2, 310,
                firstClinic.minusDays(83));
        book(recent, firstClinic).statusCode(422).body("code", equalTo("TOO_SOON"))
                .body("earliestDate", equalTo(firstClinic.plusDays(1).toString()));
        UUID longEnough = readyPlan(em, "CHRONIC_MIGRAINE", TestDates.validFrom(), TestDates.validTo(), 2, 310,
                firstClinic.minusDays(84));
        book(longEnough, firstClinic).statusCode(201);

        book(ready, firstClinic.plusDays(1)).statusCode(422).body("code", equalTo("NOT_A_CLINIC_DAY"));
        book(ready, today.minusDays(1)).statusCode(400).body("violations.field", hasItem("date"));

        LocalDate smallDay = firstClinic.plusDays(5);
        clinicDay(smallDay, 15);
        book(ready, smallDay).statusCode(422).body("code", equalTo("CLINIC_DAY_FULL")).body("availableMinutes", equalTo(15));
        UUID eyelids = readyPlan(em, "BLEPHAROSPASM", TestDates.validFrom(), TestDates.validTo(), 2, 100, null);
        book(eyelids, smallDay).statusCode(201).body("durationMinutes", equalTo(15));
        UUID moreEyelids = readyPlan(em, "BLEPHAROSPASM", TestDates.validFrom(), TestDates.validTo(), 2, 100, null);
        book(moreEyelids, smallDay).statusCode(422).body("code", equalTo("CLINIC_DAY_FULL"));
        scheduler().queryParam("from", smallDay.toString()).queryParam("to", smallDay.toString()).get("/api/clinic-days")
                .then().body("items[0].bookedMinutes", equalTo(15)).body("items[0].availableMinutes", equalTo(0))
                .body("items[0].appointmentCount", equalTo(1));

        book(UUID.randomUUID(), firstClinic).statusCode(404);
        scheduler().body("{\"date\":\"%s\"}".formatted(firstClinic)).post("/api/appointments").then().statusCode(400);
    }

    @Test
    void shouldTreatOnTheDayAndPublishTreatmentCompleted() throws Exception {
        UUID referral = readyPlan(em);
        UUID id = booked(referral, firstClinic);
        String units = "{\"unitsAdministered\":155,\"unitsWasted\":45,\"injectionSites\":31,\"notes\":\"tolerated well\"}";
        scheduler().body(units).post("/api/appointments/" + id + "/complete").then().statusCode(422)
                .body("code", equalTo("BEFORE_APPOINTMENT_DATE"));
        scheduler().post("/api/appointments/" + id + "/no-show").then().statusCode(422)
                .body("code", equalTo("BEFORE_APPOINTMENT_DATE"));

        TestClock.setToday(firstClinic);
        scheduler().post("/api/appointments/" + id + "/check-in").then().statusCode(200).body("status", equalTo("CHECKED_IN"));
        scheduler().post("/api/appointments/" + id + "/no-show").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION")).body("currentStatus", equalTo("CHECKED_IN"));
        scheduler().body(units).post("/api/appointments/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("unitsAdministered", equalTo(155)).body("unitsWasted", equalTo(45));

        JsonNode event = published("TreatmentCompleted", referral);
        assertEquals("AUTH-T", event.get("authorizationNumber").asText());
        assertEquals(155, event.get("unitsAdministered").asInt());
        assertEquals(45, event.get("unitsWasted").asInt());
        assertEquals(firstClinic.toString(), event.get("date").asText());

        LocalDate eligible = firstClinic.plusDays(84);
        scheduler().get("/api/treatment-plans/" + referral).then()
                .body("status", equalTo("READY_TO_SCHEDULE"))
                .body("lastTreatmentDate", equalTo(firstClinic.toString()))
                .body("nextEligibleDate", equalTo(eligible.toString()))
                .body("suggestedClinicDay", equalTo(TestDates.firstClinicDayFrom(eligible).toString()))
                .body("authorization.visitsRemaining", equalTo(1))
                .body("authorization.unitsRemaining", equalTo(110));
        scheduler().body("{\"reason\":\"late\",\"by\":\"CLINIC\"}").post("/api/appointments/" + id + "/cancel").then()
                .statusCode(409).body("currentStatus", equalTo("FULFILLED"));
        book(referral, thirdClinic).statusCode(422).body("code", equalTo("TOO_SOON"))
                .body("earliestDate", equalTo(eligible.toString()));
    }

    @Test
    void shouldRescheduleUnderTheSameChecksAndCancel() throws Exception {
        UUID referral = readyPlan(em);
        UUID id = booked(referral, firstClinic);
        reschedule(id, firstClinic.plusDays(1)).statusCode(422).body("code", equalTo("NOT_A_CLINIC_DAY"));
        reschedule(id, TestDates.firstClinicDayAfter(TestDates.validTo())).statusCode(422)
                .body("code", equalTo("OUTSIDE_AUTHORIZATION_WINDOW"));
        reschedule(id, secondClinic).statusCode(200)
                .body("date", equalTo(secondClinic.toString())).body("status", equalTo("BOOKED"));
        JsonNode moved = published("AppointmentRescheduled", referral);
        assertEquals(firstClinic.toString(), moved.get("previousDate").asText());
        assertEquals(secondClinic.toString(), moved.get("date").asText());

        scheduler().body("{\"reason\":\"travelling\",\"by\":\"PATIENT\"}").post("/api/appointments/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("PATIENT"));
        JsonNode cancelled = published("AppointmentCancelled", referral);
        assertEquals("PATIENT", cancelled.get("cancelledBy").asText());
        assertEquals("travelling", cancelled.get("reason").asText());
        reschedule(id, firstClinic).statusCode(409).body("currentStatus", equalTo("CANCELLED"));
        scheduler().body("{\"reason\":\"\",\"by\":\"SOMEONE\"}").post("/api/appointments/" + id + "/cancel").then()
                .statusCode(400);
        scheduler().get("/api/treatment-plans/" + referral).then().body("status", equalTo("READY_TO_SCHEDULE"));
        booked(referral, firstClinic);
    }

    private static io.restassured.response.ValidatableResponse reschedule(UUID id, LocalDate date) {
        return scheduler().body("{\"date\":\"%s\"}".formatted(date)).post("/api/appointments/" + id + "/reschedule").then();
    }

    @Test
    void shouldCapTheDoseAcrossIndicationsAndFlagUnitsBeyondTheAuthorization() {
        String patient = "Dose-" + UUID.randomUUID();
        UUID migraine = readyPlan(em, "CHRONIC_MIGRAINE", TestDates.validFrom(), TestDates.validTo(), 2, 310, null, patient);
        UUID dystonia = readyPlan(em, "CERVICAL_DYSTONIA", TestDates.validFrom(), TestDates.validTo(), 2, 500, null, patient);
        UUID first = booked(migraine, firstClinic);
        UUID second = booked(dystonia, secondClinic);

        TestClock.setToday(firstClinic);
        scheduler().body("{\"unitsAdministered\":300,\"unitsWasted\":50}").post("/api/appointments/" + first + "/complete")
                .then().statusCode(200);
        scheduler().get("/api/treatment-plans/" + migraine).then()
                .body("authorization.unitsRemaining", equalTo(0))
                .body("authorization.unitsOverrun", equalTo(true))
                .body("authorization.unitsOverBy", equalTo(40));

        TestClock.setToday(secondClinic);
        scheduler().body("{\"unitsAdministered\":101,\"unitsWasted\":0}").post("/api/appointments/" + second + "/complete")
                .then().statusCode(422).body("code", equalTo("DOSE_LIMIT_EXCEEDED")).body("unitsAllowed", equalTo(100));
        scheduler().get("/api/appointments/" + second).then().body("status", equalTo("BOOKED"));
        scheduler().body("{\"unitsAdministered\":100,\"unitsWasted\":0}").post("/api/appointments/" + second + "/complete")
                .then().statusCode(200);
    }

    @Test
    void shouldMarkANoShowOnlyAfterTheDayAndTheGracePeriod() throws Exception {
        // A staff day before the first clinic day (today at the latest), just big enough for this one appointment.
        LocalDate day = firstClinic.minusDays(2).isBefore(today) ? today : firstClinic.minusDays(2);
        clinicDay(day, 30);
        UUID referral = readyPlan(em, "CHRONIC_MIGRAINE", day, TestDates.validTo(), 2, 310, null);
        UUID id = booked(referral, day);

        // The day ends at midnight clinic time; then the grace period runs.
        Duration grace = ConfigProvider.getConfig().getValue("clinic.scheduling.no-show-grace", Duration.class);
        Instant missedFrom = TestClock.startOf(day.plusDays(1)).plus(grace);
        TestClock.set(missedFrom.minusSeconds(1));
        noShowJob.markMissed();
        scheduler().get("/api/appointments/" + id).then().body("status", equalTo("BOOKED"));

        TestClock.set(missedFrom);
        noShowJob.markMissed();
        scheduler().get("/api/appointments/" + id).then().body("status", equalTo("NOSHOW"));
        assertEquals(day.toString(), published("AppointmentNoShow", referral).get("date").asText());

        Map<String, Object> entry = Fixtures.allPages("/api/worklist?kind=no-shows", 50).stream()
                .filter(e -> referral.toString().equals(e.get("referralId"))).findFirst().orElseThrow();
        assertEquals(id.toString(), ((Map<?, ?>) entry.get("appointment")).get("id"));
        scheduler().get("/api/treatment-plans/" + referral).then().body("status", equalTo("READY_TO_SCHEDULE"));
        booked(referral, secondClinic);
        assertTrue(Fixtures.allPages("/api/worklist?kind=no-shows", 50).stream()
                .noneMatch(e -> referral.toString().equals(e.get("referralId"))));
    }

    @Test
    void shouldListTheSchedulersQueues() {
        UUID due = readyPlan(em);
        UUID notYetDue = readyPlan(em, "CHRONIC_MIGRAINE", TestDates.validFrom(), TestDates.validTo(), 2, 310,
                today.minusDays(23));
        UUID ending = readyPlan(em, "CHRONIC_MIGRAINE", TestDates.validFrom(), today.plusDays(37), 1, 200, null);
        UUID bookedPlan = readyPlan(em);
        booked(bookedPlan, firstClinic);

        List<String> ready = referralIds(Fixtures.allPages("/api/worklist?kind=ready-to-schedule", 3));
        assertTrue(ready.containsAll(List.of(due.toString(), notYetDue.toString(), ending.toString())), ready::toString);
        assertFalse(ready.contains(bookedPlan.toString()));
        assertEquals(Set.copyOf(ready).size(), ready.size(), "a plan was listed on two pages");

        List<Map<String, Object>> dueEntries = Fixtures.allPages("/api/worklist?kind=due", 3);
        List<String> dueIds = referralIds(dueEntries);
        assertTrue(dueIds.containsAll(List.of(due.toString(), ending.toString())), dueIds::toString);
        assertFalse(dueIds.contains(notYetDue.toString()));
        assertFalse(dueIds.contains(bookedPlan.toString()));
        assertEquals(Set.copyOf(dueIds).size(), dueIds.size(), "a plan was listed on two pages");
        Map<?, ?> duePlan = (Map<?, ?>) dueEntries.stream().filter(e -> due.toString().equals(e.get("referralId")))
                .findFirst().orElseThrow().get("plan");
        assertEquals(TestDates.validFrom().toString(), duePlan.get("nextEligibleDate"));
        List<String> eligibleDates = dueEntries.stream().map(e -> (String) ((Map<?, ?>) e.get("plan")).get("nextEligibleDate"))
                .toList();
        assertEquals(eligibleDates.stream().sorted().toList(), eligibleDates, "soonest eligible first");

        List<String> endingIds = referralIds(Fixtures.allPages("/api/worklist?kind=authorization-ending", 3));
        assertTrue(endingIds.contains(ending.toString()));
        assertFalse(endingIds.contains(due.toString()));
        scheduler().get("/api/worklist?kind=everything").then().statusCode(400);
    }

    private static List<String> referralIds(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> (String) e.get("referralId")).toList();
    }

    @Test
    void shouldAdmitOnlySchedulersAndAdmins() {
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).contentType("application/json")
                .body("{\"referralId\":\"%s\",\"date\":\"%s\"}".formatted(UUID.randomUUID(), firstClinic))
                .post("/api/appointments").then().statusCode(403);
        given().auth().oauth2(DevTokens.forGroup("intake")).get("/api/worklist?kind=due").then().statusCode(403);
        given().get("/api/clinic-days").then().statusCode(401);
        given().auth().oauth2(DevTokens.forGroup("admin")).get("/api/worklist?kind=due").then().statusCode(200)
                .body("items", notNullValue());
    }
}
