package org.botoxclinic.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A clinic day across three real processes and the SMTP sink: a scheduler books a timed slot on an extra clinic day
 * tomorrow, the patient's reminder arrives by e-mail with the date, the time and the place and nothing clinical, the
 * patient cancels, and the freed slot is offered to the patient waiting for an earlier date, who accepts it and is
 * reminded in turn. No clock moves: an appointment tomorrow is already inside its D-1 window, so scheduling-service
 * (planning every {@value ClinicSystem#NOTIFICATIONS_CHECK_EVERY}) queues and sends that reminder at once.
 */
class ClinicDayJourneyIT {

    /** The clinic's time zone: the packaged services run on the real clock, so "tomorrow" is the clinic's tomorrow. */
    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");
    private static final String PARTNER = "pcp-north";
    private static final String REQUESTED_TIME = "10:00";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

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

    /** A referred patient as the journey knows them: what the reminder must carry, and what it must never carry. */
    private record Patient(String referralId, String patientId, String email, String memberId, String birthDate) {
    }

    @Test
    void shouldRemindOfATimedSlotByEmailAndOfferItToTheWaitingPatientOnceCancelled() {
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        LocalDate tomorrow = today.plusDays(1);
        String scheduler = DevTokens.forGroup("scheduler");

        Patient first = referredAndApproved("Okafor", today);
        Patient second = referredAndApproved("Mbeki", today);
        contactByEmail(first);
        contactByEmail(second);
        openExtraDay(tomorrow);

        // A timed slot for the first patient: the requested time, or the nearest free one the clinic proposes.
        JsonPath booked = bookTimedSlot(first.referralId(), tomorrow);
        String appointmentId = booked.getString("id");
        LocalTime startTime = LocalTime.parse(booked.getString("startTime"));
        String chair = booked.getString("chair");
        assertNotNull(chair, "a timed appointment sits in a chair");
        assertNotNull(booked.getString("providerId"), "a timed appointment has its injector");

        // Tomorrow is inside the D-1 window already: the reminder arrives without any clock moving.
        awaitReminder(first, tomorrow, startTime);
        assertNothingClinicalSentTo(first);
        // scheduling-service lists it as sent, with its attempts.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler)
                        .queryParam("referralId", first.referralId()).get("/api/notifications")
                        .then().statusCode(200).body("items.status", hasItem("SENT")));

        // The second patient waits for any date in the next four weeks.
        given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler)
                .contentType(ContentType.JSON)
                .body(Map.of("referralId", second.referralId(), "earliestDate", today.toString(),
                        "latestDate", today.plusWeeks(4).toString()))
                .post("/api/waitlist")
                .then().statusCode(201);

        // The first patient calls to cancel: the freed slot is offered to the waiting patient.
        given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Patient called: cannot come tomorrow", "by", "PATIENT"))
                .post("/api/appointments/" + appointmentId + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        Map<String, Object> offer = await().atMost(Duration.ofSeconds(20)).until(
                () -> offerFor(second.referralId(), tomorrow), o -> o != null);
        assertEquals(startTime, LocalTime.parse((String) offer.get("startTime")), "the cancelled slot is the one offered");
        assertEquals(chair, offer.get("chair"));

        // Accepting books the slot for the waiting patient.
        given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler)
                .contentType(ContentType.JSON)
                .post("/api/waitlist/offers/" + offer.get("id") + "/accept")
                .then().statusCode(201)
                .body("referralId", equalTo(second.referralId()))
                .body("date", equalTo(tomorrow.toString()))
                .body("status", equalTo("BOOKED"));

        // And the slot's new patient is reminded as the first one was.
        awaitReminder(second, tomorrow, startTime);
        assertNothingClinicalSentTo(second);
    }

    // ---- the reminder ------------------------------------------------------------------------------------------

    /** Waits for a message to the patient that names the appointment's date, time and place. */
    private static void awaitReminder(Patient patient, LocalDate date, LocalTime time) {
        try {
            await().atMost(MAIL_WAIT).until(() -> clinic.mail.messagesTo(patient.email()).stream()
                    .anyMatch(mail -> reminds(mail, date, time)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no message to the patient names " + date + ", " + time + " and \""
                    + ClinicSystem.PLACE + "\"; the sink holds for them: " + clinic.mail.messagesTo(patient.email()), e);
        }
    }

    private static boolean reminds(MailSinkProcess.Mail mail, LocalDate date, LocalTime time) {
        String message = mail.subject() + "\n" + mail.text();
        return mentionsDate(message, date) && mentionsTime(message, time) && message.contains(ClinicSystem.PLACE);
    }

    /** Date, time and place only, in every message the patient got: no indication, diagnosis, dose, member id, birth date. */
    private static void assertNothingClinicalSentTo(Patient patient) {
        for (MailSinkProcess.Mail mail : clinic.mail.messagesTo(patient.email())) {
            String message = (mail.subject() + "\n" + mail.text()).toLowerCase(Locale.ROOT);
            for (String clinical : List.of("migraine", "g43", "headache", "diagnos", "units", "dose", "onabotulinum",
                    patient.memberId().toLowerCase(Locale.ROOT), patient.birthDate())) {
                assertFalse(message.contains(clinical), () -> "a message to the patient carries '" + clinical + "':\n"
                        + message);
            }
        }
    }

    /** The date as an ISO date or as a person would read it, in English (the clinic is in New York). */
    private static boolean mentionsDate(String message, LocalDate date) {
        return List.of("yyyy-MM-dd", "MMMM d, yyyy", "MMMM d", "d MMMM yyyy", "d MMMM", "MMM d, yyyy", "MMM d",
                        "MM/dd/yyyy", "M/d/yyyy").stream()
                .map(pattern -> date.format(DateTimeFormatter.ofPattern(pattern, Locale.US)))
                .anyMatch(message::contains);
    }

    /** The time as 24-hour {@code 14:30} or 12-hour {@code 2:30 PM}. */
    private static boolean mentionsTime(String message, LocalTime time) {
        return message.contains(time.format(DateTimeFormatter.ofPattern("HH:mm", Locale.US)))
                || message.toUpperCase(Locale.ROOT).contains(time.format(DateTimeFormatter.ofPattern("h:mm a", Locale.US))
                .toUpperCase(Locale.ROOT));
    }

    // ---- scheduling ---------------------------------------------------------------------------------------------

    private static void openExtraDay(LocalDate date) {
        int status = given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl())
                .auth().oauth2(DevTokens.forGroup("scheduler")).contentType(ContentType.JSON)
                .body(Map.of("date", date.toString(), "capacityMinutes", 480))
                .post("/api/clinic-days").then().extract().statusCode();
        if (status != 201 && status != 200 && status != 409) {
            throw new AssertionError("cannot open the clinic day " + date + ": " + status);
        }
    }

    /** Books {@value #REQUESTED_TIME}; if that is taken (409 SLOT_UNAVAILABLE), the nearest free time offered. */
    private static JsonPath bookTimedSlot(String referralId, LocalDate date) {
        Response requested = book(referralId, date, REQUESTED_TIME);
        if (requested.statusCode() == 409) {
            requested.then().contentType("application/problem+json").body("code", equalTo("SLOT_UNAVAILABLE"));
            List<String> nearest = requested.jsonPath().getList("nearestFreeTimes");
            assertFalse(nearest.isEmpty(), "a taken time comes with the nearest free ones");
            requested = book(referralId, date, nearest.get(0));
        }
        return requested.then().statusCode(201).body("status", equalTo("BOOKED"))
                .body("date", equalTo(date.toString())).extract().jsonPath();
    }

    private static Response book(String referralId, LocalDate date, String startTime) {
        return given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl())
                .auth().oauth2(DevTokens.forGroup("scheduler")).contentType(ContentType.JSON)
                .body(Map.of("referralId", referralId, "date", date.toString(), "startTime", startTime))
                .post("/api/appointments");
    }

    /** The open offer of a date to this referral, or null while there is none. */
    private static Map<String, Object> offerFor(String referralId, LocalDate date) {
        List<Map<String, Object>> offers = given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl())
                .auth().oauth2(DevTokens.forGroup("scheduler"))
                .get("/api/waitlist/offers")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return offers.stream()
                .filter(o -> referralId.equals(o.get("referralId")) && date.toString().equals(o.get("date")))
                .findFirst().orElse(null);
    }

    private static void contactByEmail(Patient patient) {
        given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl())
                .auth().oauth2(DevTokens.forGroup("scheduler")).contentType(ContentType.JSON)
                .body(Map.of("channel", "EMAIL", "optedOut", false))
                .put("/api/patients/" + patient.patientId() + "/contact-preferences")
                .then().statusCode(200);
    }

    // ---- referral to a plan ready to schedule ------------------------------------------------------------------

    private static Patient referredAndApproved(String lastName, LocalDate today) {
        String email = lastName.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@patients.example.org";
        String memberId = "W" + digits(9);
        String birthDate = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(14_000)).toString();
        String body = """
                {"externalReferralId":"EXT-%s",
                 "patient":{"firstName":"Adaeze","lastName":"%s","dateOfBirth":"%s","sex":"female",
                            "phone":"555-%s","email":"%s"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "clinicalDetails":{"headacheDaysPerMonth":18},
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"%s"},
                 "urgency":"ROUTINE"}
                """.formatted(UUID.randomUUID(), lastName, birthDate, digits(7), email, memberId);
        String referralId = given().log().ifValidationFails().baseUri(clinic.referral.baseUrl())
                .auth().oauth2(DevTokens.forPartner(PARTNER)).contentType(ContentType.JSON).body(body)
                .post("/api/referrals")
                .then().statusCode(201).extract().path("id");
        given().log().ifValidationFails().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("intake"))
                .post("/api/referrals/" + referralId + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        approve(awaitCase(referralId), today);
        String scheduler = DevTokens.forGroup("scheduler");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler)
                        .get("/api/treatment-plans/" + referralId)
                        .then().statusCode(200).body("status", equalTo("READY_TO_SCHEDULE"))
                        // The approval and the acceptance travel on different topics: the plan may be ready before
                        // the acceptance brings the patient's id and contact details.
                        .body("patientId", notNullValue()));
        String patientId = given().log().ifValidationFails().baseUri(clinic.scheduling.baseUrl()).auth().oauth2(scheduler)
                .get("/api/treatment-plans/" + referralId)
                .then().statusCode(200).extract().path("patientId");
        return new Patient(referralId, patientId, email, memberId, birthDate);
    }

    private static String awaitCase(String referralId) {
        String specialist = DevTokens.forGroup("authorizations");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist)
                        .queryParam("referralId", referralId).get("/api/authorizations")
                        .then().statusCode(200).body("items.size()", equalTo(1)));
        return given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist)
                .queryParam("referralId", referralId).get("/api/authorizations")
                .then().extract().path("items[0].id");
    }

    private static void approve(String caseId, LocalDate today) {
        String specialist = DevTokens.forGroup("authorizations");
        given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist)
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "PORTAL", "expedited", false, "override", true,
                        "overrideReason", "documentation on file with the referring practice"))
                .post("/api/authorizations/" + caseId + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().log().ifValidationFails().baseUri(clinic.insurance.baseUrl()).auth().oauth2(specialist)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "APPROVED", "authorizationNumber", "AUTH-" + caseId.substring(0, 8),
                        "approvedUnits", 310, "approvedVisits", 2, "validFrom", today.toString(),
                        "validTo", today.plusMonths(6).toString()))
                .post("/api/authorizations/" + caseId + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }
}
