package org.botoxclinic.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.http.ContentType;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No patient data in any log. Two patients with values nobody else uses travel the system end to end (one referral
 * accepted, authorized, booked and treated; one declined) and through the error paths (invalid input carrying their
 * data, duplicate and racing submissions, another partner's lookup, a forbidden transition, unique-key races in the
 * database); then every service's log and PostgreSQL's are searched for their names, birth dates in every common
 * format, member ids, phones and emails. The same search finds them where they are meant to be (the referral as the
 * API returns it), so a zero is a real zero.
 */
class PatientDataInLogsIT {

    /** A patient whose every value is distinctive, so that the search cannot match anything else by accident. */
    record Patient(String firstName, String lastName, LocalDate birthDate, String memberId, String phone, String email) {

        /** Everything to search for: each value, and the birth date and phone as people and programs write them. */
        Map<String, List<String>> needles() {
            Map<String, List<String>> needles = new LinkedHashMap<>();
            needles.put("name", List.of(firstName, lastName, firstName + " " + lastName, lastName + ", " + firstName));
            int y = birthDate.getYear();
            int m = birthDate.getMonthValue();
            int d = birthDate.getDayOfMonth();
            String month = birthDate.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
            String mon = month.substring(0, 3);
            needles.put("birth date", List.of(
                    birthDate.toString(),
                    String.format("%04d%02d%02d", y, m, d),
                    String.format("%02d/%02d/%04d", m, d, y),
                    String.format("%d/%d/%04d", m, d, y),
                    String.format("%02d/%02d/%04d", d, m, y),
                    String.format("%02d.%02d.%04d", d, m, y),
                    String.format("%02d-%02d-%04d", m, d, y),
                    String.format("%02d-%02d-%04d", d, m, y),
                    String.format("%04d/%02d/%02d", y, m, d),
                    String.format("%s %d, %04d", month, d, y),
                    String.format("%s %d, %04d", mon, d, y),
                    String.format("%d %s %04d", d, month, y),
                    String.format("%d %s %04d", d, mon, y),
                    String.format("%02d-%s-%04d", d, mon.toUpperCase(), y),
                    // java.util.Date / SQL renderings
                    String.format("%s %02d", mon, d) + " 00:00:00",
                    "[" + y + ", " + m + ", " + d + "]"));
            needles.put("member id", List.of(memberId, memberId.toLowerCase()));
            String digits = phone.replaceAll("[^0-9]", "");
            String national = digits.substring(digits.length() - 10);
            needles.put("phone", List.of(phone, digits, national,
                    national.substring(0, 3) + "-" + national.substring(3, 6) + "-" + national.substring(6),
                    "(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6),
                    national.substring(3, 6) + "-" + national.substring(6)));
            needles.put("email", List.of(email, email.toLowerCase(), email.substring(0, email.indexOf('@'))));
            return needles;
        }
    }

    private static final Patient TREATED = new Patient("Quillonia", "Vantreskova", LocalDate.of(1961, 7, 14),
            "QVMBR7731946", "+1 (415) 738-2956", "quillonia.vantreskova@example.org");
    private static final Patient DECLINED = new Patient("Zephyrine", "Mbaqwaldt-Orsk", LocalDate.of(1974, 2, 9),
            "ZMMBR5520183", "+1 (628) 441-9073", "zephyrine.mbaqwaldt@example.net");

    private static final String PARTNER = "pcp-logscan";
    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");

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
    void shouldKeepEveryPatientValueOutOfEveryLogThroughJourneysAndErrors() throws Exception {
        String treated = refer(TREATED, "EXT-" + UUID.randomUUID());
        treatedJourney(treated);
        String declined = refer(DECLINED, "EXT-" + UUID.randomUUID());
        declinedJourney(declined);
        errorPaths(treated, declined);

        // The referral as the API returns it carries every kind of value the search looks for: the search works.
        String stored = given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("intake"))
                .get("/api/referrals/" + treated).then().statusCode(200).extract().asString();
        for (String kind : TREATED.needles().keySet()) {
            assertTrue(hits(stored, TREATED.needles().get(kind)) > 0, "the search finds the patient's " + kind
                    + " where it belongs: " + stored);
        }
        Path control = Files.createTempFile("log-scan-control", ".log");
        Files.writeString(control, "12:00:00 INFO control line: " + DECLINED.lastName() + ", " + DECLINED.firstName()
                + " born 02/09/1974, 9 Feb 1974, phone 628-441-9073, mail " + DECLINED.email() + "\n");
        assertEquals(4, scan(control, DECLINED), "the control line's hits");

        Map<String, Path> logs = new LinkedHashMap<>();
        Path target = Path.of(System.getProperty("clinic.root", "..")).resolve("system-tests/target");
        for (String service : List.of("referral-service", "insurance-service", "scheduling-service")) {
            logs.put(service, target.resolve(service + ".log"));
        }
        // The SMTP sink holds the messages (with the patients' addresses) in memory; its log must name none of them.
        logs.put("mail-sink", target.resolve("mail-sink.log"));
        EmbeddedPostgresServer.get().log().ifPresent(log -> logs.put("postgresql", log));
        // Every service logged its work, so a file searched is a file that was written.
        assertTrue(Files.readString(logs.get("scheduling-service")).contains("started in"));

        Map<String, Integer> found = new LinkedHashMap<>();
        for (Map.Entry<String, Path> log : logs.entrySet()) {
            found.put(log.getKey(), scan(log.getValue(), TREATED) + scan(log.getValue(), DECLINED));
        }
        found.forEach((log, count) -> System.out.printf("patient data in the %-18s log: %d hits (%s)%n", log, count,
                logs.get(log)));
        if (!logs.containsKey("postgresql")) {
            System.out.println("patient data in the postgresql log: not searched (an external server)");
        }
        System.out.printf("unique-key races that reached the database (logged without their detail): %d%n",
                lines(logs.get("referral-service"), "SQLState: 23505"));
        found.forEach((log, count) -> assertEquals(0, count, "patient values in the " + log + " log"));
        for (Map.Entry<String, Path> log : logs.entrySet()) {
            assertEquals(0, lines(log.getValue(), "Detail:") + lines(log.getValue(), "DETAIL:"),
                    "PostgreSQL row details in the " + log.getKey() + " log");
        }
    }

    private void treatedJourney(String referralId) {
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("intake"))
                .post("/api/referrals/" + referralId + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        String caseId = awaitCase(referralId);
        String specialist = DevTokens.forGroup("authorizations");
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).get("/api/authorizations/" + caseId)
                .then().statusCode(200);
        given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).contentType(ContentType.JSON)
                .body(Map.of("channel", "PORTAL", "expedited", false, "override", true,
                        "overrideReason", "documentation on file with the referring practice"))
                .post("/api/authorizations/" + caseId + "/submit").then().statusCode(200);
        given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "authorizationNumber", "AUTH-" + caseId.substring(0, 8),
                        "approvedUnits", 310, "approvedVisits", 2, "validFrom", today.toString(),
                        "validTo", today.plusMonths(6).toString()))
                .post("/api/authorizations/" + caseId + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"));

        String scheduler = DevTokens.forGroup("scheduler");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler)
                        .get("/api/treatment-plans/" + referralId)
                        .then().statusCode(200).body("status", equalTo("READY_TO_SCHEDULE")));
        // Treated today (the services run on the real clock): today becomes an extra clinic day unless it is one.
        given().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler).contentType(ContentType.JSON)
                .body(Map.of("date", today.toString(), "capacityMinutes", 360))
                .post("/api/clinic-days").then().statusCode(anyOf(equalTo(201), equalTo(409)));
        String appointment = given().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler).contentType(ContentType.JSON)
                .body(Map.of("referralId", referralId, "date", today.toString()))
                .post("/api/appointments").then().statusCode(201).body("status", equalTo("BOOKED")).extract().path("id");
        given().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler).contentType(ContentType.JSON)
                .post("/api/appointments/" + appointment + "/check-in").then().statusCode(200);
        given().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler).contentType(ContentType.JSON)
                .body(Map.of("unitsAdministered", 155, "unitsWasted", 45, "injectionSites", 31))
                .post("/api/appointments/" + appointment + "/complete").then().statusCode(200)
                .body("status", equalTo("FULFILLED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner(PARTNER))
                        .get("/api/referrals/" + referralId + "/timeline").then().statusCode(200)
                        .body("entries.type", hasItems("ACCEPTED", "AUTHORIZATION_APPROVED", "APPOINTMENT_SCHEDULED",
                                "TREATMENT_COMPLETED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).get("/api/authorizations/" + caseId)
                        .then().statusCode(200).body("treatments", hasSize(1)));
    }

    private void declinedJourney(String referralId) {
        String intake = DevTokens.forGroup("intake");
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(intake).contentType(ContentType.JSON)
                .body(Map.of("question", "Please send the headache diary"))
                .post("/api/referrals/" + referralId + "/request-info").then().statusCode(200);
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner(PARTNER)).contentType(ContentType.JSON)
                .body(Map.of("answer", "Diary attached for the last three months"))
                .post("/api/referrals/" + referralId + "/info").then().statusCode(200);
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(intake).contentType(ContentType.JSON)
                .body(Map.of("reason", "Does not meet the criteria yet"))
                .post("/api/referrals/" + referralId + "/decline").then().statusCode(200).body("status", equalTo("DECLINED"));
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner(PARTNER))
                .get("/api/referrals/" + referralId + "/timeline").then().statusCode(200)
                .body("entries.type", hasItem("DECLINED"));
    }

    private void errorPaths(String treated, String declined) throws Exception {
        String partner = DevTokens.forPartner(PARTNER);
        // Invalid input carrying the patient's data: a birth date in other formats, a bad phone, a misspelt field,
        // broken JSON. Each is refused naming the field, and nothing of it is logged.
        for (String body : List.of(
                submission(DECLINED, "EXT-" + UUID.randomUUID()).replace(DECLINED.birthDate().toString(), "02/09/1974"),
                submission(DECLINED, "EXT-" + UUID.randomUUID()).replace(DECLINED.phone(), "phone " + DECLINED.phone() + " ext"),
                submission(DECLINED, "EXT-" + UUID.randomUUID()).replace("\"dateOfBirth\"", "\"dateofBirth\""),
                submission(DECLINED, "EXT-" + UUID.randomUUID()).replace("\"email\":\"" + DECLINED.email() + "\"",
                        "\"email\":\"" + DECLINED.firstName() + " at " + DECLINED.email() + "\""),
                submission(DECLINED, "EXT-" + UUID.randomUUID()).replace("\"firstName\":\"" + DECLINED.firstName() + "\"",
                        "\"firstName\":[\"" + DECLINED.firstName() + "\"]"),
                submission(DECLINED, "EXT-" + UUID.randomUUID()).substring(0, 180))) {
            given().baseUri(clinic.referral.baseUrl()).auth().oauth2(partner).contentType(ContentType.JSON).body(body)
                    .post("/api/referrals").then().statusCode(400).contentType("application/problem+json");
        }
        // A duplicate: the same externalReferralId with other content is refused, the identical resend answered.
        String externalId = "EXT-" + UUID.randomUUID();
        String first = submission(TREATED, externalId);
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(partner).contentType(ContentType.JSON).body(first)
                .post("/api/referrals").then().statusCode(201);
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(partner).contentType(ContentType.JSON).body(first)
                .post("/api/referrals").then().statusCode(200);
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(partner).contentType(ContentType.JSON)
                .body(first.replace(TREATED.memberId(), "QVMBR0000001"))
                .post("/api/referrals").then().statusCode(409);
        // Identical submissions racing each other: the losers hit the unique index in the database (a constraint
        // violation the service turns into the winner's answer), never a 500.
        for (int round = 0; round < 3; round++) {
            String racing = submission(TREATED, "EXT-" + UUID.randomUUID());
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    answers.add(pool.submit(() -> given().baseUri(clinic.referral.baseUrl()).auth().oauth2(partner)
                            .contentType(ContentType.JSON).body(racing).post("/api/referrals").statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    int status = answer.get();
                    assertTrue(status == 200 || status == 201 || status == 409, "racing submission answered " + status);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        // Another partner's lookups: 404, as for a missing referral.
        String other = DevTokens.forPartner("pcp-someone-else");
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(other).get("/api/referrals/" + treated).then().statusCode(404);
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(other).get("/api/referrals/" + declined + "/timeline")
                .then().statusCode(404);
        // Forbidden transitions: 409 naming the current status.
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("intake"))
                .post("/api/referrals/" + declined + "/accept").then().statusCode(409).body("currentStatus", equalTo("DECLINED"));
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("intake")).contentType(ContentType.JSON)
                .body(Map.of("reason", "duplicate")).post("/api/referrals/" + treated + "/decline")
                .then().statusCode(409).body("currentStatus", equalTo("ACCEPTED"));
        // The refused lookups are on the audit trail, with ids only.
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("admin")).queryParam("referralId", treated)
                .get("/api/audit").then().statusCode(200)
                .body("items.findAll { it.outcome == 'DENIED' }.partnerId", hasItem("pcp-someone-else"));
    }

    private String refer(Patient patient, String externalId) {
        return given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner(PARTNER))
                .contentType(ContentType.JSON).body(submission(patient, externalId))
                .post("/api/referrals").then().statusCode(201).extract().path("id");
    }

    private static String submission(Patient patient, String externalId) {
        return """
                {"externalReferralId":"%s",
                 "patient":{"firstName":"%s","lastName":"%s","dateOfBirth":"%s","sex":"female","phone":"%s",
                            "email":"%s",
                            "address":{"line1":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62701"}},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "clinicalDetails":{"headacheDaysPerMonth":20,"headacheHoursPerDay":6,"symptomMonths":24,
                                    "priorPreventiveClasses":["BETA_BLOCKER","ANTICONVULSANT"],"currentCgrpAntagonist":false},
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"%s"},
                 "urgency":"ROUTINE"}
                """.formatted(externalId, patient.firstName(), patient.lastName(), patient.birthDate(), patient.phone(),
                patient.email(), patient.memberId());
    }

    private String awaitCase(String referralId) {
        String specialist = DevTokens.forGroup("authorizations");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).queryParam("referralId", referralId)
                        .get("/api/authorizations").then().statusCode(200).body("items", hasSize(1)));
        return given().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist).queryParam("referralId", referralId)
                .get("/api/authorizations").then().extract().path("items[0].id");
    }

    /** Hits of every value of the patient in the file, counted per line and value. */
    private static int scan(Path file, Patient patient) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int hits = 0;
        for (List<String> values : patient.needles().values()) {
            hits += hits(text, values);
        }
        return hits;
    }

    /** How many lines hold one of the values (a line holding several counts once per value kind). */
    private static int hits(String text, List<String> values) {
        int hits = 0;
        for (String line : text.split("\n")) {
            if (values.stream().anyMatch(line::contains)) {
                hits++;
            }
        }
        return hits;
    }

    private static int lines(Path file, String marker) throws IOException {
        return (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker)).count();
    }
}
