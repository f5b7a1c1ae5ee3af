package org.botoxclinic.scheduling.clinicday;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.scheduling.support.Fixtures.book;
import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.clinicday.service.ClinicDays;
import org.botoxclinic.scheduling.support.TestClocks;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ClinicDayApiTest {

    @Inject
    EntityManager em;

    @Inject
    ClinicDays clinicDays;

    @AfterEach
    void resetClock() {
        TestClocks.reset();
    }

    @Test
    void shouldGenerateTheThirdWednesdayOfEachMonthForTwelveMonthsWithChairMinutes() {
        List<String> expected = List.of("2026-12-16", "2027-01-20", "2027-02-17", "2027-03-17", "2027-04-21", "2027-05-19",
                "2027-06-16", "2027-07-21", "2027-08-18", "2027-09-15", "2027-10-20", "2027-11-17");
        scheduler().queryParam("from", "2026-11-24").queryParam("to", "2027-12-31").get("/api/clinic-days")
                .then().statusCode(200)
                .body("date", hasItems(expected.toArray(String[]::new)))
                .body("date", not(hasItem("2026-12-09")))
                .body("date", not(hasItem("2027-12-15")))
                .body("find { it.date == '2027-01-20' }.capacityMinutes", equalTo(720))
                .body("find { it.date == '2027-01-20' }.status", equalTo("OPEN"));

        // A month later the horizon has rolled on: generating again adds December 2027 and nothing else.
        TestClocks.setToday(LocalDate.of(2026, 12, 24));
        assertEquals(1, clinicDays.generate());
        assertEquals(0, clinicDays.generate());
        scheduler().queryParam("from", "2027-12-01").queryParam("to", "2027-12-31").get("/api/clinic-days")
                .then().body("date", contains("2027-12-15"));
    }

    @Test
    void shouldAddResizeAndCloseADayButNeverCloseOneWithBookings() {
        LocalDate extra = LocalDate.of(2027, 2, 1);
        scheduler().body("{\"date\":\"2027-02-01\",\"capacityMinutes\":60}").post("/api/clinic-days").then()
                .statusCode(201).body("date", equalTo("2027-02-01")).body("status", equalTo("OPEN"))
                .body("capacityMinutes", equalTo(60)).body("availableMinutes", equalTo(60));
        scheduler().body("{\"date\":\"2027-02-01\",\"capacityMinutes\":60}").post("/api/clinic-days").then()
                .statusCode(409).body("code", equalTo("CLINIC_DAY_EXISTS"));
        scheduler().body("{\"date\":\"2026-11-23\",\"capacityMinutes\":60}").post("/api/clinic-days").then()
                .statusCode(400);
        scheduler().body("{\"date\":\"2026-11-24\",\"capacityMinutes\":-5}").post("/api/clinic-days").then()
                .statusCode(400);

        UUID first = readyPlan(em);
        UUID second = readyPlan(em);
        UUID a = booked(first, extra);
        UUID b = booked(second, extra);
        book(readyPlan(em), extra).statusCode(422).body("code", equalTo("CLINIC_DAY_FULL"));

        scheduler().body("{\"capacityMinutes\":30}").patch("/api/clinic-days/2027-02-01").then()
                .statusCode(422).body("code", equalTo("CAPACITY_BELOW_BOOKINGS")).body("bookedMinutes", equalTo(60));
        scheduler().body("{\"capacityMinutes\":90}").patch("/api/clinic-days/2027-02-01").then()
                .statusCode(200).body("capacityMinutes", equalTo(90)).body("bookedMinutes", equalTo(60))
                .body("availableMinutes", equalTo(30)).body("appointmentCount", equalTo(2));

        scheduler().body("{\"reason\":\"neurologist away\"}").post("/api/clinic-days/2027-02-01/close").then()
                .statusCode(409).body("code", equalTo("CLINIC_DAY_HAS_BOOKINGS"))
                .body("appointments.id", containsInAnyOrder(a.toString(), b.toString()));
        for (UUID id : List.of(a, b)) {
            scheduler().body("{\"reason\":\"day closing\",\"by\":\"CLINIC\"}").post("/api/appointments/" + id + "/cancel")
                    .then().statusCode(200);
        }
        scheduler().body("{\"reason\":\"neurologist away\"}").post("/api/clinic-days/2027-02-01/close").then()
                .statusCode(200).body("status", equalTo("CLOSED")).body("bookedMinutes", equalTo(0));
        book(first, extra).statusCode(422).body("code", equalTo("NOT_A_CLINIC_DAY"));
        scheduler().body("{\"capacityMinutes\":90}").patch("/api/clinic-days/2027-02-01").then().statusCode(409)
                .body("currentStatus", equalTo("CLOSED"));
        scheduler().body("{\"capacityMinutes\":90}").patch("/api/clinic-days/2027-02-02").then().statusCode(404);

        // Staff open the closed day again.
        scheduler().body("{\"date\":\"2027-02-01\",\"capacityMinutes\":30}").post("/api/clinic-days").then()
                .statusCode(201).body("status", equalTo("OPEN"));
        book(first, extra).statusCode(201);
    }

    @Test
    void shouldAdmitOnlySchedulersAndAdmins() {
        given().auth().oauth2(DevTokens.forGroup("authorizations")).get("/api/clinic-days").then().statusCode(403);
        given().auth().oauth2(DevTokens.forGroup("admin")).get("/api/clinic-days").then().statusCode(200);
        given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("from", "2027-01-01").queryParam("to", "2026-01-01")
                .get("/api/clinic-days").then().statusCode(400);
    }
}
