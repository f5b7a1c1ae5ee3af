package org.botoxclinic.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clinical loop across three real processes: the partner refers with a headache diary, the diary becomes the
 * payer's evidence and is listed on the submission packet, the patient is treated, an outcome is recorded against the
 * referral's baseline, and the referring practice reads the consult report on its timeline. Then the same person,
 * referred again under a misspelled surname, is merged by staff, and the dose limit spans both referrals.
 */
class ClinicalLoopIT {

    /** The clinic's time zone: the packaged services run on the real clock, so "today" is the clinic's today. */
    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");
    private static final String PARTNER = "pcp-north";

    private static ClinicSystem clinic;

    @BeforeAll
    static void startClinic() throws Exception {
        clinic = ClinicSystem.start();
    }

    @AfterAll
    static void stopClinic() {
        if (clinic != null) {
            clinic.close();
        }
    }

    @Test
    void shouldCarryTheDiaryToThePayerAndTheOutcomeBackToThePcp() throws Exception {
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        String birthDate = someBirthDate();
        String referralId = refer("Okafor", birthDate, "W" + digits(9), "CHRONIC_MIGRAINE", "G43.709", 20);

        // The partner uploads the headache diary; the answer carries its sha256.
        byte[] diary = ("%PDF-1.4\n% headache diary, 20 headache days a month for 3 months\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(diary));
        String documentId = given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner(PARTNER))
                .multiPart("type", "HEADACHE_DIARY")
                .multiPart("file", "diary.txt", diary, "text/plain")
                .post("/api/referrals/" + referralId + "/documents")
                .then().statusCode(201)
                .body("contentType", equalTo("application/pdf"))
                .body("sha256", equalTo(sha256))
                .extract().path("id");
        byte[] back = given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner(PARTNER))
                .get("/api/referrals/" + referralId + "/documents/" + documentId + "/content")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(diary, back);

        accept(referralId);
        String caseId = awaitCase(referralId);

        // The diary reached insurance-service as evidence and is named on the packet.
        String specialist = DevTokens.forGroup("authorizations");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist)
                        .get("/api/authorizations/" + caseId)
                        .then().statusCode(200).body("documents.sha256", hasItem(sha256)));
        byte[] packet = given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist)
                .get("/api/authorizations/" + caseId + "/packet")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF-", new String(packet, 0, 5, StandardCharsets.US_ASCII));

        approve(caseId, today, 310);
        awaitReadyToSchedule(referralId);

        // Treated today (an extra clinic day today); the diary read at the visit gives the outcome the report carries.
        String appointmentId = bookToday(referralId, today);
        given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(DevTokens.forGroup("scheduler"))
                .contentType(ContentType.JSON)
                .body(Map.of("assessedOn", today.toString(), "measure", "HEADACHE_DAYS_PER_MONTH", "value", 8))
                .post("/api/treatment-plans/" + referralId + "/outcomes")
                .then().statusCode(201);
        complete(appointmentId, 155).then().statusCode(200);

        // The referring practice reads the consult report: 155 U today, 8 headache days against 20 at referral.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner(PARTNER))
                        .get("/api/referrals/" + referralId + "/timeline")
                        .then().statusCode(200)
                        .body("entries.type", hasItems("DOCUMENT_ADDED", "ACCEPTED", "AUTHORIZATION_APPROVED",
                                "APPOINTMENT_SCHEDULED", "TREATMENT_COMPLETED", "CONSULT_REPORT")));
        JsonPath timeline = given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner(PARTNER))
                .get("/api/referrals/" + referralId + "/timeline").then().extract().jsonPath();
        Map<String, Object> report = timeline.getMap("entries.find { it.type == 'CONSULT_REPORT' }.details");
        assertEquals(today.toString(), report.get("treatmentDate"));
        assertEquals(155, ((Number) report.get("unitsAdministered")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = (Map<String, Object>) report.get("latestOutcome");
        assertEquals("HEADACHE_DAYS_PER_MONTH", outcome.get("measure"));
        assertEquals(20.0, ((Number) outcome.get("baseline")).doubleValue());
        assertEquals(8.0, ((Number) outcome.get("value")).doubleValue());
        assertEquals(60.0, ((Number) outcome.get("improvementPercent")).doubleValue());

        try (KafkaProbe probe = new KafkaProbe(clinic.kafka, "referral-events", "scheduling-events")) {
            EventContract.assertValid("DocumentAttached",
                    probe.awaitType("DocumentAttached", referralId, Duration.ofSeconds(10)).value());
            EventContract.assertValid("OutcomeRecorded",
                    probe.awaitType("OutcomeRecorded", referralId, Duration.ofSeconds(10)).value());
            EventContract.assertValid("TreatmentCompleted",
                    probe.awaitType("TreatmentCompleted", referralId, Duration.ofSeconds(10)).value());
        }
    }

    @Test
    void shouldCountTheDoseAcrossReferralsOnceStaffMergeTheSamePersonUnderAMisspelledSurname() {
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        String birthDate = someBirthDate();
        // 250 U for chronic migraine.
        String migraine = refer("Okafor", birthDate, "W" + digits(9), "CHRONIC_MIGRAINE", "G43.709", 18);
        accept(migraine);
        approve(awaitCase(migraine), today, 310);
        awaitReadyToSchedule(migraine);
        complete(bookToday(migraine, today), 250).then().statusCode(200);

        // The same person referred for cervical dystonia with a misspelled surname and another member id: a new patient.
        String dystonia = refer("Okafro", birthDate, "W" + digits(9), "CERVICAL_DYSTONIA", "G24.3", 18);
        String intake = DevTokens.forGroup("intake");
        String survivor = given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(intake)
                .get("/api/referrals/" + migraine).then().statusCode(200).extract().path("patientId");
        String duplicate = given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(intake)
                .get("/api/referrals/" + dystonia).then().statusCode(200).extract().path("patientId");
        assertNotEquals(survivor, duplicate);
        JsonPath candidates = given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(intake)
                .queryParam("limit", 100).get("/api/patients/possible-duplicates")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> pairs = candidates.getList("items");
        assertTrue(pairs.stream().anyMatch(p -> java.util.Set.of(p.get("patientId"), p.get("otherPatientId"))
                .equals(java.util.Set.of(survivor, duplicate))), "the misspelled surname is a possible duplicate");

        // Intake staff may not merge; an administrator does.
        given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(intake).contentType(ContentType.JSON)
                .body(Map.of("mergedPatientId", duplicate)).post("/api/patients/" + survivor + "/merge")
                .then().statusCode(403);
        given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("admin")).contentType(ContentType.JSON)
                .body(Map.of("mergedPatientId", duplicate)).post("/api/patients/" + survivor + "/merge")
                .then().statusCode(200);

        accept(dystonia);
        approve(awaitCase(dystonia), today, 300);
        awaitReadyToSchedule(dystonia);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(DevTokens.forGroup("scheduler"))
                        .get("/api/treatment-plans/" + dystonia)
                        .then().statusCode(200).body("patientId", equalTo(survivor)));

        // Another indication may be treated at once, but 250 + 200 U would pass 400 U within 84 days.
        String appointment = bookToday(dystonia, today);
        complete(appointment, 200).then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("DOSE_LIMIT_EXCEEDED"))
                .body("unitsAllowed", equalTo(150));
        given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(DevTokens.forGroup("scheduler")).contentType(ContentType.JSON)
                .body(Map.of("unitsAdministered", 150, "unitsWasted", 0))
                .post("/api/appointments/" + appointment + "/complete")
                .then().statusCode(200);
    }

    private String refer(String lastName, String birthDate, String memberId, String indication, String code, int headacheDays) {
        String body = """
                {"externalReferralId":"EXT-%s",
                 "patient":{"firstName":"Adaeze","lastName":"%s","dateOfBirth":"%s","sex":"female","phone":"555-%s"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"%s","diagnosisCodes":["%s"],
                 "clinicalDetails":{"headacheDaysPerMonth":%d},
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"%s"},
                 "urgency":"ROUTINE"}
                """.formatted(UUID.randomUUID(), lastName, birthDate, digits(7), indication, code, headacheDays, memberId);
        return given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner(PARTNER))
                .contentType(ContentType.JSON).body(body)
                .post("/api/referrals")
                .then().statusCode(201).extract().path("id");
    }

    private void accept(String referralId) {
        given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("intake"))
                .post("/api/referrals/" + referralId + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    private String awaitCase(String referralId) {
        String specialist = DevTokens.forGroup("authorizations");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist)
                        .queryParam("referralId", referralId).get("/api/authorizations")
                        .then().statusCode(200).body("items", hasSize(1)));
        return given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist)
                .queryParam("referralId", referralId).get("/api/authorizations")
                .then().extract().path("items[0].id");
    }

    private void approve(String caseId, LocalDate today, int units) {
        String specialist = DevTokens.forGroup("authorizations");
        given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).contentType(ContentType.JSON)
                .body(Map.of("channel", "PORTAL", "expedited", false, "override", true,
                        "overrideReason", "documentation on file with the referring practice"))
                .post("/api/authorizations/" + caseId + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "authorizationNumber", "AUTH-" + caseId.substring(0, 8),
                        "approvedUnits", units, "approvedVisits", 2, "validFrom", today.toString(),
                        "validTo", today.plusMonths(6).toString()))
                .post("/api/authorizations/" + caseId + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    private void awaitReadyToSchedule(String referralId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(DevTokens.forGroup("scheduler"))
                        .get("/api/treatment-plans/" + referralId)
                        .then().statusCode(200).body("status", equalTo("READY_TO_SCHEDULE"))
                        // The approval and the acceptance travel on different topics: the plan may be ready before
                        // the acceptance brings the patient's id and the baseline the outcome is measured against.
                        .body("patientId", notNullValue()));
    }

    private String bookToday(String referralId, LocalDate today) {
        String scheduler = DevTokens.forGroup("scheduler");
        int status = given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler).contentType(ContentType.JSON)
                .body(Map.of("date", today.toString(), "capacityMinutes", 480))
                .post("/api/clinic-days").then().extract().statusCode();
        if (status != 201 && status != 200 && status != 409) {
            throw new AssertionError("cannot open today's clinic day: " + status);
        }
        return given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler).contentType(ContentType.JSON)
                .body(Map.of("referralId", referralId, "date", today.toString()))
                .post("/api/appointments")
                .then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.Response complete(String appointmentId, int units) {
        String scheduler = DevTokens.forGroup("scheduler");
        given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler).contentType(ContentType.JSON)
                .post("/api/appointments/" + appointmentId + "/check-in").then().statusCode(200);
        return given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler).contentType(ContentType.JSON)
                .body(Map.of("unitsAdministered", units, "unitsWasted", 0))
                .post("/api/appointments/" + appointmentId + "/complete");
    }

    /** A person of each journey's own: born on a day the other journeys are unlikely to use. */
    private static String someBirthDate() {
        return LocalDate.of(1950, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(14_000)).toString();
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }
}
