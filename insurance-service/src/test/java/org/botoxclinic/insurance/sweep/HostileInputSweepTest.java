package org.botoxclinic.insurance.sweep;

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
 * Every query, path and body value of the authorization API that takes a date, a number, an id or a cursor,
 * sent with hostile values (far years, impossible dates, huge numbers, garbage cursors): always a 4xx
 * problem+json, never a 500 and never a stack trace. (A request line over 4 KB is refused by the HTTP layer
 * itself with a bare 414 before any of the API's code runs.)
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class HostileInputSweepTest {

    static final List<String> DATES = List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31",
            "2026-02-30", "2026-13-01", "tomorrow", "%00", "9".repeat(400));
    static final List<String> DATE_TIMES = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "2026-02-30T10:00:00Z", "2026-01-01T25:00:00Z", "2026-01-01", "now");
    static final List<String> NUMBERS = List.of("99999999999999999999", "-99999999999999999999", "2147483648", "-1",
            "1e400", "NaN", "0x10", "twelve");
    static final List<String> JSON_NUMBERS = List.of("99999999999999999999", "-99999999999999999999", "2147483648",
            "-1", "1e400", "1.5", "\"lots\"", "[]", "{}");
    static final List<String> CURSORS = List.of("garbage", "%%%", "eyJsaXN0IjoiYXV0aG9yaXphdGlvbnMifQ", "AAAA",
            "x".repeat(1000), "-1");
    static final List<String> IDS = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "1".repeat(400));

    /** One hostile request, named so that a failure says which. */
    record Probe(String name, Supplier<Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static RequestSpecification specialist() {
        return given().auth().oauth2(DevTokens.forGroup("authorizations")).contentType(ContentType.JSON);
    }

    static String decision(String validFrom, String validTo, String units) {
        return "{\"outcome\":\"APPROVED\",\"authorizationNumber\":\"A-1\",\"approvedUnits\":" + units
                + ",\"approvedVisits\":4,\"validFrom\":" + validFrom + ",\"validTo\":" + validTo + "}";
    }

    static Stream<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        UUID someCase = UUID.randomUUID();
        for (String date : DATES) {
            String json = "\"" + date + "\"";
            probes.add(new Probe("POST decision {validFrom:" + abbreviated(date) + "}", () -> specialist()
                    .body(decision(json, "\"2030-01-01\"", "200")).post("/api/authorizations/{id}/decision", someCase)));
            probes.add(new Probe("POST decision {validTo:" + abbreviated(date) + "}", () -> specialist()
                    .body(decision("\"2029-01-01\"", json, "200")).post("/api/authorizations/{id}/decision", someCase)));
        }
        for (String time : DATE_TIMES) {
            String json = "\"" + time + "\"";
            probes.add(new Probe("POST submit {submittedAt:" + time + "}", () -> specialist()
                    .body("{\"channel\":\"PORTAL\",\"expedited\":false,\"submittedAt\":" + json + "}")
                    .post("/api/authorizations/{id}/submit", someCase)));
            probes.add(new Probe("POST appeal {submittedAt:" + time + "}", () -> specialist()
                    .body("{\"reason\":\"medical necessity\",\"submittedAt\":" + json + "}")
                    .post("/api/authorizations/{id}/appeal", someCase)));
        }
        for (String number : NUMBERS) {
            probes.add(new Probe("GET authorizations limit=" + number, () -> specialist().queryParam("limit", number).get("/api/authorizations")));
            probes.add(new Probe("GET authorizations expiringWithinDays=" + number, () -> specialist()
                    .queryParam("expiringWithinDays", number).get("/api/authorizations")));
        }
        for (String number : JSON_NUMBERS) {
            probes.add(new Probe("POST decision {approvedUnits:" + number + "}", () -> specialist()
                    .body(decision("\"2029-01-01\"", "\"2030-01-01\"", number)).post("/api/authorizations/{id}/decision", someCase)));
        }
        for (String cursor : CURSORS) {
            probes.add(new Probe("GET authorizations cursor=" + abbreviated(cursor), () -> specialist()
                    .queryParam("cursor", cursor).get("/api/authorizations")));
            probes.add(new Probe("GET audit cursor=" + abbreviated(cursor), () -> given().auth().oauth2(DevTokens.forGroup("admin"))
                    .queryParam("cursor", cursor).get("/api/audit")));
        }
        for (String id : IDS) {
            probes.add(new Probe("GET authorizations/" + abbreviated(id), () -> specialist().get("/api/authorizations/{id}", id)));
            probes.add(new Probe("GET authorizations/" + abbreviated(id) + "/packet", () -> specialist()
                    .get("/api/authorizations/{id}/packet", id)));
            probes.add(new Probe("PUT requirement {evidenceDocumentIds:[" + abbreviated(id) + "]}", () -> specialist()
                    .body("{\"met\":true,\"evidenceDocumentIds\":[\"" + id + "\"]}")
                    .put("/api/authorizations/{id}/requirements/HEADACHE_DIARY", someCase)));
            probes.add(new Probe("GET authorizations referralId=" + abbreviated(id), () -> specialist()
                    .queryParam("referralId", id).get("/api/authorizations")));
        }
        for (String ids : List.of("[null]", "\"" + someCase + "\"", "{}", "[" + ("\"" + someCase + "\",").repeat(50) + "\"" + someCase + "\"]")) {
            probes.add(new Probe("PUT requirement {evidenceDocumentIds:" + abbreviated(ids) + "}", () -> specialist()
                    .body("{\"met\":true,\"evidenceDocumentIds\":" + ids + "}")
                    .put("/api/authorizations/{id}/requirements/HEADACHE_DIARY", someCase)));
        }
        return probes.stream();
    }

    static String abbreviated(String value) {
        return value.length() > 24 ? value.substring(0, 12) + "...(" + value.length() + ")" : value;
    }

    @Test
    void farYearIsRefusedNamingTheField() {
        specialist().body(decision("\"+999999999-12-31\"", "\"2030-01-01\"", "200"))
                .post("/api/authorizations/{id}/decision", UUID.randomUUID()).then().statusCode(400)
                .body("violations[0].field", equalTo("validFrom"));
        specialist().body("{\"reason\":\"r\",\"submittedAt\":\"-999999999-01-01T00:00:00Z\"}")
                .post("/api/authorizations/{id}/appeal", UUID.randomUUID()).then().statusCode(400)
                .body("violations[0].field", equalTo("submittedAt"));
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
