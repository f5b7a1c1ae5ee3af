package org.botoxclinic.referral.sweep;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query, path and body value of the referral API that takes a date, a number, an id or a cursor, sent
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
    static final List<String> CURSORS = List.of("garbage", "%%%", "eyJsaXN0IjoicmVmZXJyYWxzIn0", "AAAA",
            "x".repeat(1000), "-1");
    static final List<String> IDS = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "1".repeat(400));

    /** One hostile request, named so that a failure says which. */
    record Probe(String name, Supplier<Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static RequestSpecification intake() {
        return given().auth().oauth2(DevTokens.forGroup("intake")).contentType(ContentType.JSON);
    }

    static RequestSpecification partner() {
        return given().auth().oauth2(DevTokens.forPartner("pcp-sweep")).contentType(ContentType.JSON);
    }

    /** A complete submission whose one field under test holds the hostile JSON value. */
    static String submission(String dateOfBirth, String headacheDays) {
        return """
                {"externalReferralId":"EXT-%s",
                 "patient":{"firstName":"Alex","lastName":"Rivera","dateOfBirth":%s,"sex":"female","phone":"555-0100",
                            "address":{"line1":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62701"}},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "clinicalDetails":{"headacheDaysPerMonth":%s,"headacheHoursPerDay":6,"symptomMonths":24},
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W123456789"},
                 "urgency":"ROUTINE"}
                """.formatted(UUID.randomUUID(), dateOfBirth, headacheDays);
    }

    static Stream<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String date : DATES) {
            // A date-time where a birth date belongs is read leniently as its date, like every other date field.
            boolean strictInBody = !date.contains("T");
            probes.add(new Probe("GET referrals receivedFrom=" + abbreviated(date), () -> intake().queryParam("receivedFrom", date).get("/api/referrals")));
            probes.add(new Probe("GET referrals receivedTo=" + abbreviated(date), () -> intake().queryParam("receivedTo", date).get("/api/referrals")));
            if (strictInBody) {
                probes.add(new Probe("POST referrals {dateOfBirth:" + abbreviated(date) + "}", () -> partner()
                        .body(submission("\"" + date + "\"", "20")).post("/api/referrals")));
            }
        }
        for (String number : NUMBERS) {
            probes.add(new Probe("GET referrals limit=" + number, () -> intake().queryParam("limit", number).get("/api/referrals")));
            probes.add(new Probe("GET webhook deliveries limit=" + number, () -> partner().queryParam("limit", number)
                    .get("/api/partners/me/webhook/deliveries")));
            probes.add(new Probe("GET audit limit=" + number, () -> given().auth().oauth2(DevTokens.forGroup("admin"))
                    .queryParam("limit", number).get("/api/audit")));
            probes.add(new Probe("GET possible duplicates limit=" + number, () -> intake().queryParam("limit", number)
                    .get("/api/patients/possible-duplicates")));
        }
        for (String number : JSON_NUMBERS) {
            probes.add(new Probe("POST referrals {headacheDaysPerMonth:" + number + "}", () -> partner()
                    .body(submission("\"1980-01-01\"", number)).post("/api/referrals")));
        }
        for (String cursor : CURSORS) {
            probes.add(new Probe("GET referrals cursor=" + abbreviated(cursor), () -> intake().queryParam("cursor", cursor).get("/api/referrals")));
            probes.add(new Probe("GET webhook deliveries cursor=" + abbreviated(cursor), () -> partner()
                    .queryParam("cursor", cursor).get("/api/partners/me/webhook/deliveries")));
            probes.add(new Probe("GET audit cursor=" + abbreviated(cursor), () -> given().auth().oauth2(DevTokens.forGroup("admin"))
                    .queryParam("cursor", cursor).get("/api/audit")));
            probes.add(new Probe("GET possible duplicates cursor=" + abbreviated(cursor), () -> intake()
                    .queryParam("cursor", cursor).get("/api/patients/possible-duplicates")));
        }
        for (String id : IDS) {
            probes.add(new Probe("GET referrals/" + abbreviated(id), () -> intake().get("/api/referrals/{id}", id)));
            probes.add(new Probe("GET referrals/" + abbreviated(id) + "/timeline", () -> intake().get("/api/referrals/{id}/timeline", id)));
            probes.add(new Probe("POST referrals/" + abbreviated(id) + "/accept", () -> intake().post("/api/referrals/{id}/accept", id)));
            probes.add(new Probe("GET audit referralId=" + abbreviated(id), () -> given().auth().oauth2(DevTokens.forGroup("admin"))
                    .queryParam("referralId", id).get("/api/audit")));
            probes.add(new Probe("GET patients/" + abbreviated(id), () -> intake().get("/api/patients/{id}", id)));
            probes.add(new Probe("POST patients/" + abbreviated(id) + "/merge", () -> given().auth()
                    .oauth2(DevTokens.forGroup("admin")).contentType(ContentType.JSON)
                    .body("{\"mergedPatientId\":\"" + UUID.randomUUID() + "\"}").post("/api/patients/{id}/merge", id)));
            probes.add(new Probe("POST patients/merge {mergedPatientId:" + abbreviated(id) + "}", () -> given().auth()
                    .oauth2(DevTokens.forGroup("admin")).contentType(ContentType.JSON)
                    .body("{\"mergedPatientId\":\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                    .post("/api/patients/{id}/merge", UUID.randomUUID())));
        }
        return probes.stream();
    }

    static String abbreviated(String value) {
        return value.length() > 24 ? value.substring(0, 12) + "...(" + value.length() + ")" : value;
    }

    @Test
    void farYearIsRefusedNamingTheParameter() {
        intake().queryParam("receivedFrom", "+999999999-12-31").get("/api/referrals").then().statusCode(400)
                .body("violations[0].field", equalTo("receivedFrom"));
        intake().queryParam("receivedTo", "-999999999-01-01").get("/api/referrals").then().statusCode(400)
                .body("violations[0].field", equalTo("receivedTo"));
        partner().body(submission("\"+999999999-12-31\"", "20")).post("/api/referrals").then().statusCode(400)
                .body("violations[0].field", equalTo("patient.dateOfBirth"));
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
