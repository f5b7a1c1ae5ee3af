package org.botoxclinic.scheduling.sweep;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query, path and body value of the scheduling API that takes a date, a number, an id or a cursor, sent
 * with hostile values (far years, impossible dates, huge numbers, garbage cursors): always a 4xx problem+json,
 * never a 500 and never a stack trace. (A request line over 4 KB is refused by the HTTP layer itself with a bare
 * 414 before any of the API's code runs.)
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class HostileInputSweepTest {

    static final List<String> DATES = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31",
            "2026-02-30", "2026-13-01", "tomorrow", "2026-01-01T00:00:00Z", "%00", "9".repeat(400));
    static final List<String> NUMBERS = List.of("99999999999999999999", "-99999999999999999999", "2147483648", "-1",
            "1e400", "NaN", "0x10", "twelve");
    static final List<String> JSON_NUMBERS = List.of("99999999999999999999", "-99999999999999999999", "2147483648",
            "-1", "1e400", "1.5", "\"lots\"", "[]", "{}");
    static final List<String> CURSORS = List.of("garbage", "%%%", "eyJsaXN0IjoiY2xpbmljLWRheXMifQ", "AAAA",
            "x".repeat(1000), "-1");
    static final List<String> IDS = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "1".repeat(400));

    /** One hostile request, named so that a failure says which. */
    record Probe(String name, Supplier<Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static RequestSpecification scheduler() {
        return given().auth().oauth2(DevTokens.forGroup("scheduler")).contentType(ContentType.JSON).urlEncodingEnabled(true);
    }

    static Stream<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        String day = TestClock.today().plusDays(400).toString();
        UUID someone = UUID.randomUUID();
        for (String date : DATES) {
            probes.add(new Probe("GET clinic-days from=" + date, () -> scheduler().queryParam("from", date).get("/api/clinic-days")));
            probes.add(new Probe("GET clinic-days to=" + date, () -> scheduler().queryParam("to", date).get("/api/clinic-days")));
            probes.add(new Probe("GET appointments date=" + date, () -> scheduler().queryParam("date", date).get("/api/appointments")));
            probes.add(new Probe("PATCH clinic-days/" + date, () -> scheduler().body("{\"capacityMinutes\":60}")
                    .patch("/api/clinic-days/{date}", date)));
            probes.add(new Probe("POST clinic-days/" + date + "/close", () -> scheduler().body("{\"reason\":\"storm\"}")
                    .post("/api/clinic-days/{date}/close", date)));
            String json = "\"" + date + "\"";
            probes.add(new Probe("POST clinic-days {date:" + date + "}", () -> scheduler()
                    .body("{\"date\":" + json + ",\"capacityMinutes\":60}").post("/api/clinic-days")));
            probes.add(new Probe("POST appointments {date:" + date + "}", () -> scheduler()
                    .body("{\"referralId\":\"" + someone + "\",\"date\":" + json + "}").post("/api/appointments")));
            probes.add(new Probe("POST appointments/{id}/reschedule {date:" + date + "}", () -> scheduler()
                    .body("{\"date\":" + json + "}").post("/api/appointments/{id}/reschedule", someone)));
            probes.add(new Probe("POST treatment-plans/{id}/outcomes {assessedOn:" + date + "}", () -> scheduler()
                    .body("{\"assessedOn\":" + json + ",\"measure\":\"MIDAS\",\"value\":3}")
                    .post("/api/treatment-plans/{id}/outcomes", someone)));
            probes.add(new Probe("POST waitlist {earliestDate:" + date + "}", () -> scheduler()
                    .body("{\"referralId\":\"" + someone + "\",\"earliestDate\":" + json + ",\"latestDate\":\"" + day + "\"}")
                    .post("/api/waitlist")));
            probes.add(new Probe("POST waitlist {latestDate:" + date + "}", () -> scheduler()
                    .body("{\"referralId\":\"" + someone + "\",\"earliestDate\":\"" + day + "\",\"latestDate\":" + json + "}")
                    .post("/api/waitlist")));
            probes.add(new Probe("GET waitlist/offers date=" + date, () -> scheduler().queryParam("date", date)
                    .get("/api/waitlist/offers")));
        }
        for (String number : NUMBERS) {
            probes.add(new Probe("GET clinic-days limit=" + number, () -> scheduler().queryParam("limit", number).get("/api/clinic-days")));
            probes.add(new Probe("GET appointments limit=" + number, () -> scheduler().queryParam("limit", number).get("/api/appointments")));
            probes.add(new Probe("GET worklist limit=" + number, () -> scheduler().queryParam("kind", "due")
                    .queryParam("limit", number).get("/api/worklist")));
            probes.add(new Probe("GET waitlist limit=" + number, () -> scheduler().queryParam("limit", number).get("/api/waitlist")));
            probes.add(new Probe("GET waitlist/offers limit=" + number, () -> scheduler().queryParam("limit", number)
                    .get("/api/waitlist/offers")));
        }
        for (String number : JSON_NUMBERS) {
            probes.add(new Probe("POST clinic-days {capacityMinutes:" + number + "}", () -> scheduler()
                    .body("{\"date\":\"" + day + "\",\"capacityMinutes\":" + number + "}").post("/api/clinic-days")));
            probes.add(new Probe("PATCH clinic-days {capacityMinutes:" + number + "}", () -> scheduler()
                    .body("{\"capacityMinutes\":" + number + "}").patch("/api/clinic-days/{date}", day)));
            probes.add(new Probe("POST treatment-plans/{id}/outcomes {value:" + number + "}", () -> scheduler()
                    .body("{\"assessedOn\":\"" + TestClock.today() + "\",\"measure\":\"MIDAS\",\"value\":" + number + "}")
                    .post("/api/treatment-plans/{id}/outcomes", someone)));
            probes.add(new Probe("POST appointments/{id}/complete {unitsAdministered:" + number + "}", () -> scheduler()
                    .body("{\"unitsAdministered\":" + number + ",\"unitsWasted\":0}")
                    .post("/api/appointments/{id}/complete", someone)));
        }
        for (String cursor : CURSORS) {
            probes.add(new Probe("GET clinic-days cursor=" + abbreviated(cursor), () -> scheduler().queryParam("cursor", cursor).get("/api/clinic-days")));
            probes.add(new Probe("GET appointments cursor=" + abbreviated(cursor), () -> scheduler().queryParam("cursor", cursor).get("/api/appointments")));
            probes.add(new Probe("GET worklist cursor=" + abbreviated(cursor), () -> scheduler().queryParam("kind", "due")
                    .queryParam("cursor", cursor).get("/api/worklist")));
            probes.add(new Probe("GET non-responders cursor=" + abbreviated(cursor), () -> scheduler()
                    .queryParam("kind", "non-responders").queryParam("cursor", cursor).get("/api/worklist")));
            probes.add(new Probe("GET audit cursor=" + abbreviated(cursor), () -> given().auth().oauth2(DevTokens.forGroup("admin"))
                    .queryParam("cursor", cursor).get("/api/audit")));
            probes.add(new Probe("GET waitlist cursor=" + abbreviated(cursor), () -> scheduler().queryParam("cursor", cursor)
                    .get("/api/waitlist")));
            probes.add(new Probe("GET waitlist/offers cursor=" + abbreviated(cursor), () -> scheduler()
                    .queryParam("cursor", cursor).get("/api/waitlist/offers")));
        }
        for (String id : IDS) {
            probes.add(new Probe("GET treatment-plans/" + abbreviated(id), () -> scheduler().get("/api/treatment-plans/{id}", id)));
            probes.add(new Probe("POST treatment-plans/" + abbreviated(id) + "/outcomes", () -> scheduler()
                    .body("{\"assessedOn\":\"" + TestClock.today() + "\",\"measure\":\"MIDAS\",\"value\":3}")
                    .post("/api/treatment-plans/{id}/outcomes", id)));
            probes.add(new Probe("GET treatment-plans/{id}/outcomes/" + abbreviated(id), () -> scheduler()
                    .get("/api/treatment-plans/{id}/outcomes/{outcome}", someone, id)));
            probes.add(new Probe("GET appointments referralId=" + abbreviated(id), () -> scheduler().queryParam("referralId", id).get("/api/appointments")));
            probes.add(new Probe("POST appointments {referralId:" + abbreviated(id) + "}", () -> scheduler()
                    .body("{\"referralId\":\"" + id + "\",\"date\":\"" + day + "\"}").post("/api/appointments")));
            probes.add(new Probe("GET waitlist/" + abbreviated(id), () -> scheduler().get("/api/waitlist/{id}", id)));
            probes.add(new Probe("POST waitlist/" + abbreviated(id) + "/withdraw", () -> scheduler()
                    .post("/api/waitlist/{id}/withdraw", id)));
            probes.add(new Probe("POST waitlist/offers/" + abbreviated(id) + "/accept", () -> scheduler()
                    .post("/api/waitlist/offers/{id}/accept", id)));
            probes.add(new Probe("POST waitlist/offers/" + abbreviated(id) + "/decline", () -> scheduler()
                    .post("/api/waitlist/offers/{id}/decline", id)));
            probes.add(new Probe("POST waitlist {referralId:" + abbreviated(id) + "}", () -> scheduler()
                    .body("{\"referralId\":\"" + id + "\",\"earliestDate\":\"" + day + "\",\"latestDate\":\"" + day + "\"}")
                    .post("/api/waitlist")));
        }
        return probes.stream();
    }

    static String abbreviated(String value) {
        return value.length() > 24 ? value.substring(0, 12) + "...(" + value.length() + ")" : value;
    }

    @Test
    void farYearIsRefusedNamingTheParameter() {
        scheduler().queryParam("from", "+999999999-12-31").get("/api/clinic-days").then().statusCode(400)
                .body("violations[0].field", equalTo("from")).body("violations[0].in", equalTo("query"));
        scheduler().body("{\"capacityMinutes\":60}").patch("/api/clinic-days/{date}", "-999999999-01-01").then()
                .statusCode(400).body("violations[0].field", equalTo("date")).body("violations[0].in", equalTo("path"));
        scheduler().body("{\"date\":\"+999999999-12-31\"}").post("/api/appointments/{id}/reschedule", UUID.randomUUID())
                .then().statusCode(400).body("violations[0].field", equalTo("date"))
                .body("violations[0].in", equalTo("body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void hostileValueIsAClientProblemNeverAServerError(Probe probe) {
        Response response = probe.call().get();
        String body = response.asString();
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                probe + " answered " + response.statusCode() + ": " + body);
        assertThat(probe + " content type", response.contentType(), startsWith("application/problem+json"));
        assertThat(probe + " body", body, not(containsString("Exception")));
        assertThat(probe + " body", body, not(containsString("\tat ")));
    }
}
