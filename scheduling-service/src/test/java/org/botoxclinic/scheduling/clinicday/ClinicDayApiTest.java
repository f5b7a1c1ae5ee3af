package org.botoxclinic.scheduling.clinicday;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.scheduling.support.Fixtures.book;
import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.clinicday.domain.ClinicDayRule;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayService;
import org.botoxclinic.scheduling.support.Fixtures;
import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ClinicDayApiTest {

    @Inject
    EntityManager em;

    @Inject
    ClinicDayService clinicDays;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static String[] strings(List<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).toArray(String[]::new);
    }

    @Test
    void shouldGenerateTheThirdWednesdayOfEachMonthForTwelveMonthsWithChairMinutes() {
        LocalDate today = TestDates.startDay();
        ClinicDayRule rule = TestDates.rule();
        List<LocalDate> expected = rule.daysFrom(today, 12);
        assertTrue(expected.size() >= 12, expected::toString);
        for (LocalDate day : expected) {
            assertEquals(DayOfWeek.WEDNESDAY, day.getDayOfWeek(), day::toString);
            assertEquals(3, (day.getDayOfMonth() - 1) / 7 + 1, day::toString);
        }
        LocalDate beyondHorizon = TestDates.firstClinicDayAfter(today.plusMonths(12));
        scheduler().queryParam("from", today.toString()).queryParam("to", today.plusMonths(14).toString())
                .queryParam("limit", 500).get("/api/clinic-days")
                .then().statusCode(200)
                .body("items.date", hasItems(strings(expected)))
                .body("items.date", not(hasItem(expected.get(1).minusWeeks(1).toString())))
                .body("items.date", not(hasItem(beyondHorizon.toString())))
                .body("items.find { it.date == '%s' }.capacityMinutes".formatted(expected.get(1)), equalTo(720))
                .body("items.find { it.date == '%s' }.status".formatted(expected.get(1)), equalTo("OPEN"))
                .body("next", nullValue());

        // Later the horizon has rolled on: generating again adds the next clinic day beyond it, and nothing else.
        TestClock.setToday(beyondHorizon.minusMonths(12));
        assertEquals(1, clinicDays.generate());
        assertEquals(0, clinicDays.generate());
        LocalDate month = beyondHorizon.withDayOfMonth(1);
        scheduler().queryParam("from", month.toString()).queryParam("to", month.plusMonths(1).minusDays(1).toString())
                .get("/api/clinic-days").then().body("items.date", contains(beyondHorizon.toString()));
    }

    @Test
    void shouldPageTheCalendarWithACursor() {
        LocalDate today = TestDates.startDay();
        String to = today.plusMonths(12).toString();
        List<Map<String, Object>> all = scheduler().queryParam("from", today.toString()).queryParam("to", to)
                .queryParam("limit", 500).get("/api/clinic-days").then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> paged = Fixtures.allPages("/api/clinic-days?from=" + today + "&to=" + to, 5);
        assertEquals(all.stream().map(d -> d.get("date")).toList(), paged.stream().map(d -> d.get("date")).toList());
        assertTrue(paged.size() > 5, "more than one page");

        String next = scheduler().queryParam("limit", 5).get("/api/clinic-days").then().statusCode(200)
                .body("items", hasSize(5)).body("next", notNullValue()).extract().path("next");
        scheduler().queryParam("cursor", next).queryParam("limit", 5).get("/api/clinic-days").then().statusCode(200)
                .body("items[0].date", equalTo(paged.get(5).get("date")));
        scheduler().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/clinic-days").then().statusCode(400)
                .body("violations.field", hasItem("cursor"));
    }

    @Test
    void shouldAddResizeAndCloseADayButNeverCloseOneWithBookings() {
        LocalDate today = TestDates.startDay();
        LocalDate extra = TestDates.clinicDay(2).plusDays(12);
        String path = "/api/clinic-days/" + extra;
        String add = "{\"date\":\"%s\",\"capacityMinutes\":%d}";
        scheduler().body(add.formatted(extra, 60)).post("/api/clinic-days").then()
                .statusCode(201).body("date", equalTo(extra.toString())).body("status", equalTo("OPEN"))
                .body("capacityMinutes", equalTo(60)).body("availableMinutes", equalTo(60));
        scheduler().body(add.formatted(extra, 60)).post("/api/clinic-days").then()
                .statusCode(409).body("code", equalTo("CLINIC_DAY_EXISTS"));
        scheduler().body(add.formatted(today.minusDays(1), 60)).post("/api/clinic-days").then()
                .statusCode(400);
        scheduler().body(add.formatted(today, -5)).post("/api/clinic-days").then()
                .statusCode(400);

        UUID first = readyPlan(em);
        UUID second = readyPlan(em);
        UUID a = booked(first, extra);
        UUID b = booked(second, extra);
        book(readyPlan(em), extra).statusCode(422).body("code", equalTo("CLINIC_DAY_FULL"));

        scheduler().body("{\"capacityMinutes\":30}").patch(path).then()
                .statusCode(422).body("code", equalTo("CAPACITY_BELOW_BOOKINGS")).body("bookedMinutes", equalTo(60));
        scheduler().body("{\"capacityMinutes\":90}").patch(path).then()
                .statusCode(200).body("capacityMinutes", equalTo(90)).body("bookedMinutes", equalTo(60))
                .body("availableMinutes", equalTo(30)).body("appointmentCount", equalTo(2));

        scheduler().body("{\"reason\":\"neurologist away\"}").post(path + "/close").then()
                .statusCode(409).body("code", equalTo("CLINIC_DAY_HAS_BOOKINGS"))
                .body("appointments.id", containsInAnyOrder(a.toString(), b.toString()));
        for (UUID id : List.of(a, b)) {
            scheduler().body("{\"reason\":\"day closing\",\"by\":\"CLINIC\"}").post("/api/appointments/" + id + "/cancel")
                    .then().statusCode(200);
        }
        scheduler().body("{\"reason\":\"neurologist away\"}").post(path + "/close").then()
                .statusCode(200).body("status", equalTo("CLOSED")).body("bookedMinutes", equalTo(0));
        book(first, extra).statusCode(422).body("code", equalTo("NOT_A_CLINIC_DAY"));
        scheduler().body("{\"capacityMinutes\":90}").patch(path).then().statusCode(409)
                .body("currentStatus", equalTo("CLOSED"));
        scheduler().body("{\"reason\":\"again\"}").post(path + "/close").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION")).body("currentStatus", equalTo("CLOSED"));
        scheduler().body("{\"capacityMinutes\":90}").patch("/api/clinic-days/" + extra.plusDays(1)).then().statusCode(404);

        // Staff open the closed day again.
        scheduler().body(add.formatted(extra, 30)).post("/api/clinic-days").then()
                .statusCode(201).body("status", equalTo("OPEN"));
        book(first, extra).statusCode(201);
    }

    @Test
    void shouldAdmitOnlySchedulersAndAdmins() {
        LocalDate today = TestDates.startDay();
        given().auth().oauth2(DevTokens.forGroup("authorizations")).get("/api/clinic-days").then().statusCode(403);
        given().auth().oauth2(DevTokens.forGroup("admin")).get("/api/clinic-days").then().statusCode(200);
        given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("from", today.plusMonths(1).toString())
                .queryParam("to", today.minusMonths(11).toString())
                .get("/api/clinic-days").then().statusCode(400);
    }
}
