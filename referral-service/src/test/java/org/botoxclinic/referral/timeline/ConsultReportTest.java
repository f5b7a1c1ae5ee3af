package org.botoxclinic.referral.timeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.botoxclinic.referral.referral.ReferralFixturesAccess;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * After each completed treatment the referring PCP gets a consult report on the timeline and through its webhook:
 * the date, the units administered and wasted, and the latest outcome against the baseline when the event carries
 * one (records published before outcomes existed do not); once, however often the event is delivered.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ConsultReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private String acceptedReferralOf(String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks", "secret", "a-partner-secret-of-32-characters"))
                .put("/api/partners/me/webhook").then().statusCode(200);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.forGroup("intake")).post("/api/referrals/" + id + "/accept").then().statusCode(200);
        return id;
    }

    private void treated(String referralId, UUID eventId, String payload) {
        EventContract.assertValid("TreatmentCompleted", payload);
        KafkaProbe.send(kafka, "scheduling-events", referralId, payload,
                SampleEvents.headers(eventId, "TreatmentCompleted", "/scheduling-service", UUID.fromString(referralId)));
    }

    private static String treatment(String referralId, LocalDate day, String latestOutcome) {
        return """
                {"referralId":"%s","appointmentId":"%s","authorizationId":null,"authorizationNumber":"AUTH-9","date":"%s",
                 "unitsAdministered":155,"unitsWasted":45,"completedAt":"%s"%s}""".formatted(referralId, UUID.randomUUID(),
                day, SampleEvents.iso(day.atTime(15, 0).atZone(TestClock.ZONE).toOffsetDateTime()),
                latestOutcome == null ? "" : ",\"patientId\":\"" + UUID.randomUUID() + "\",\"indication\":\"CHRONIC_MIGRAINE\","
                        + "\"latestOutcome\":" + latestOutcome);
    }

    @Test
    void shouldSendTheConsultReportWithTheLatestOutcomeAgainstBaselineOnceWhateverTheRedeliveries() throws Exception {
        String token = DevTokens.forPartner("pcp-consult-" + UUID.randomUUID().toString().substring(0, 8));
        String id = acceptedReferralOf(token);
        LocalDate day = TestClock.today().plusDays(30);
        UUID event = UUID.randomUUID();
        String payload = treatment(id, day, """
                {"measure":"HEADACHE_DAYS_PER_MONTH","value":9,"assessedOn":"%s","baselineValue":18,"improvementPercent":50.0}"""
                .formatted(day.minusDays(2)));
        treated(id, event, payload);
        treated(id, event, payload);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/referrals/" + id + "/timeline").then().statusCode(200)
                .body("entries.type", contains("RECEIVED", "TRIAGED", "ACCEPTED", "TREATMENT_COMPLETED", "CONSULT_REPORT")));
        given().auth().oauth2(token).get("/api/referrals/" + id + "/timeline").then()
                .body("entries[4].detail", equalTo("Consult report: treated on " + day + ", 155 U administered, 45 U wasted; "
                        + "latest HEADACHE_DAYS_PER_MONTH 9 on " + day.minusDays(2) + " against a baseline of 18 (50 % better)"))
                .body("entries[4].details.treatmentDate", equalTo(day.toString()))
                .body("entries[4].details.unitsAdministered", equalTo(155))
                .body("entries[4].details.unitsWasted", equalTo(45))
                .body("entries[4].details.latestOutcome.measure", equalTo("HEADACHE_DAYS_PER_MONTH"))
                .body("entries[4].details.latestOutcome.baseline", equalTo(18))
                .body("entries[4].details.latestOutcome.value", equalTo(9))
                .body("entries[4].details.latestOutcome.improvementPercent", equalTo(50.0f))
                .body("entries[3].details", nullValue());

        // The redelivery is acknowledged without a second entry; the partner is owed the report once.
        List<String> owed = payloads(id, "CONSULT_REPORT");
        assertEquals(1, owed.size());
        JsonNode sent = JSON.readTree(owed.get(0)).path("entry");
        assertEquals("CONSULT_REPORT", sent.path("type").asText());
        assertEquals(50.0, sent.path("details").path("latestOutcome").path("improvementPercent").asDouble());
        assertEquals(155, sent.path("details").path("unitsAdministered").asInt());
        assertEquals(1, payloads(id, "TREATMENT_COMPLETED").size());
    }

    @Test
    void shouldSendTheConsultReportWithoutAnOutcomeWhenTheEventCarriesNone() throws Exception {
        String token = DevTokens.forPartner("pcp-consult-" + UUID.randomUUID().toString().substring(0, 8));
        String id = acceptedReferralOf(token);
        LocalDate day = TestClock.today().plusDays(40);
        treated(id, UUID.randomUUID(), treatment(id, day, null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/referrals/" + id + "/timeline").then().statusCode(200)
                .body("entries.type", contains("RECEIVED", "TRIAGED", "ACCEPTED", "TREATMENT_COMPLETED", "CONSULT_REPORT"))
                .body("entries[4].detail", equalTo("Consult report: treated on " + day
                        + ", 155 U administered, 45 U wasted; no outcome recorded yet"))
                .body("entries[4].details.unitsWasted", equalTo(45))
                .body("entries[4].details.latestOutcome", nullValue()));
        assertEquals(1, payloads(id, "CONSULT_REPORT").size());

        // A worse outcome, with no baseline figure for the improvement, reads as such.
        String worse = given().auth().oauth2(token).get("/api/referrals/" + id).then().extract().path("id");
        UUID second = UUID.randomUUID();
        treated(worse, second, treatment(worse, day.plusDays(84), """
                {"measure":"HEADACHE_DAYS_PER_MONTH","value":21,"assessedOn":"%s","baselineValue":18,"improvementPercent":-16.7}"""
                .formatted(day.plusDays(80))));
        await().atMost(Duration.ofSeconds(20)).until(() -> payloads(id, "CONSULT_REPORT").size() == 2);
        given().auth().oauth2(token).get("/api/referrals/" + id + "/timeline").then()
                .body("entries[6].detail", equalTo("Consult report: treated on " + day.plusDays(84) + ", 155 U administered, "
                        + "45 U wasted; latest HEADACHE_DAYS_PER_MONTH 21 on " + day.plusDays(80)
                        + " against a baseline of 18 (16.7 % worse)"));
    }

    private List<String> payloads(String referralId, String type) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select d.payload from webhook_delivery d join timeline_entry t on t.id = d.timeline_entry_id "
                        + "where t.referral_id = ? and t.type = ? order by d.id")) {
            select.setObject(1, UUID.fromString(referralId));
            select.setString(2, type);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
            return payloads;
        }
    }
}
