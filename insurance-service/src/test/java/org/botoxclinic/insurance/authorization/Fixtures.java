package org.botoxclinic.insurance.authorization;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Events and requests the insurance-service tests send, each checked against its published contract. */
final class Fixtures {

    /** Clinical details that prove every chronic-migraine item a referral can prove. */
    static final String FULL_MIGRAINE_DETAILS = """
            {"headacheDaysPerMonth":20,"headacheHoursPerDay":6,"migraineDaysPerMonth":12,"symptomMonths":24,
             "priorPreventiveClasses":["BETA_BLOCKER","ANTICONVULSANT"],"currentCgrpAntagonist":false}""";

    private Fixtures() {
    }

    static String specialist() {
        return DevTokens.forGroup("authorizations");
    }

    /** An instant as a request body carries it, e.g. 2027-07-14T15:00:00Z. */
    static String iso(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A response's timestamp that names the same instant, however its text is written. */
    static Matcher<Object> sameInstant(OffsetDateTime expected) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof String text && OffsetDateTime.parse(text).toInstant().equals(expected.toInstant());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the instant ").appendValue(iso(expected));
            }
        };
    }

    /** A clinic-local date and time as an instant in UTC. */
    static OffsetDateTime clinicTime(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(TestClock.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A calendar-day clock (standard or appeal) running from {@code start}: whole days in the clinic's zone. */
    static OffsetDateTime daysLater(OffsetDateTime start, int days) {
        return start.atZoneSameInstant(TestClock.ZONE).plusDays(days).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String referralAccepted(UUID referralId, String indication, String payerId, String clinicalDetails) {
        String json = """
                {"referralId":"%s","acceptedAt":"%s","source":"PARTNER","partnerId":"pcp-north",
                 "indication":"%s","diagnosisCodes":["G43.709"],"urgency":"ROUTINE",
                 "patient":{"firstName":"Alex","lastName":"Rivera","dateOfBirth":"1984-05-17","sex":"female"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee"},
                 "insurance":{"payerId":"%s","payerName":"Payer %s","memberId":"W123456789"},
                 "clinicalDetails":%s}
                """.formatted(referralId, iso(TestClock.now().minusDays(1)), indication, payerId, payerId, clinicalDetails);
        EventContract.assertValid("ReferralAccepted", json);
        return json;
    }

    static String referralCancelled(UUID referralId) {
        String json = """
                {"referralId":"%s","cancelledAt":"%s","reason":"patient moved away",
                 "cancelledBy":"PARTNER","partnerId":"pcp-north"}""".formatted(referralId, iso(TestClock.now()));
        EventContract.assertValid("ReferralCancelled", json);
        return json;
    }

    static String treatmentCompleted(UUID referralId, UUID appointmentId, UUID authorizationId, LocalDate date,
                                     int administered, int wasted) {
        String json = """
                {"referralId":"%s","appointmentId":"%s","authorizationId":%s,"authorizationNumber":null,"date":"%s",
                 "unitsAdministered":%d,"unitsWasted":%d,"completedAt":"%sT17:00:00Z"}"""
                .formatted(referralId, appointmentId, authorizationId == null ? "null" : "\"" + authorizationId + "\"",
                        date, administered, wasted, date);
        EventContract.assertValid("TreatmentCompleted", json);
        return json;
    }

    static void send(String kafka, String topic, String type, String source, UUID referralId, UUID eventId, String json) {
        KafkaProbe.send(kafka, topic, referralId.toString(), json, SampleEvents.headers(eventId, type, source, referralId));
    }

    static void deliverAccepted(String kafka, UUID referralId, String indication, String payerId, String details) {
        send(kafka, "referral-events", "ReferralAccepted", "/referral-service", referralId, UUID.randomUUID(),
                referralAccepted(referralId, indication, payerId, details));
    }

    /** Waits for the initial case of the referral and returns its id. */
    static String awaitCase(UUID referralId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(specialist()).queryParam("referralId", referralId).get("/api/authorizations")
                        .then().statusCode(200).body("items", hasSize(1)));
        return given().auth().oauth2(specialist()).queryParam("referralId", referralId).get("/api/authorizations")
                .then().extract().path("items[0].id");
    }

    static ValidatableResponse get(String caseId) {
        return given().auth().oauth2(specialist()).get("/api/authorizations/" + caseId).then();
    }

    static ValidatableResponse post(String caseId, String action, Object body) {
        return given().auth().oauth2(specialist()).contentType(ContentType.JSON).body(body)
                .post("/api/authorizations/" + caseId + "/" + action).then();
    }

    static ValidatableResponse requirement(String caseId, String code, Object body) {
        return given().auth().oauth2(specialist()).contentType(ContentType.JSON).body(body)
                .put("/api/authorizations/" + caseId + "/requirements/" + code).then();
    }

    static ValidatableResponse approve(String caseId, String number, int units, int visits, LocalDate from, LocalDate to) {
        return post(caseId, "decision", Map.of("outcome", "APPROVED", "authorizationNumber", number,
                "approvedUnits", units, "approvedVisits", visits, "validFrom", from.toString(), "validTo", to.toString()));
    }
}
