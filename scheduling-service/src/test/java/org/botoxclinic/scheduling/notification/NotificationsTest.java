package org.botoxclinic.scheduling.notification;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.scheduling.support.Fixtures.openClinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.notification.service.NotificationDispatcher;
import org.botoxclinic.scheduling.support.Fixtures;
import org.botoxclinic.scheduling.notification.service.NotificationPlanner;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.SmtpSink;
import org.botoxclinic.testkit.SmtpSink.ReceivedMail;
import org.botoxclinic.testkit.TestClock;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders, confirmations, opt-outs and recalls on the real database, sent over real SMTP to the test kit's sink, with
 * time moved by the test clock and the planner and dispatcher called as their schedule would.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class NotificationsTest {

    private static final Pattern TOKEN = Pattern.compile("appointment=([0-9a-f-]{36})&token=([A-Za-z0-9_-]{43})");
    private static final String PLACE = "Neurology clinic, Botox clinic day";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @Inject
    EntityManager em;
    @Inject
    NotificationPlanner planner;
    @Inject
    NotificationDispatcher dispatcher;

    private final SmtpSink sink = SmtpSink.shared();
    private LocalDate today;

    @BeforeEach
    void start() {
        today = TestClock.today();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A patient ready to book, whose referral gave the clinic an e-mail address (and a phone). */
    private record Patient(UUID referralId, UUID patientId, String lastName, String email, String phone) {
    }

    private Patient patient() {
        UUID patientId = UUID.randomUUID();
        String lastName = "Rivera" + patientId.toString().substring(0, 6);
        UUID referralId = readyPlan(em, "BLEPHAROSPASM", today.plusDays(1), today.plusMonths(6), 2, 100, null, lastName,
                patientId);
        String email = "pat-" + patientId + "@example.org";
        String phone = "555-01" + (10 + (int) (Math.random() * 89));
        sql("insert into contact_preference (contact_key, phone, email, opted_out, updated_at) values (?1, ?2, ?3, false, now())",
                patientId, phone, email);
        return new Patient(referralId, patientId, lastName, email, phone);
    }

    /**
     * Books the patient's first free time on the date: five months ahead, a staff clinic day of this test's own (the
     * other tests book nearer days), inside the plan's six-month authorization.
     */
    private UUID book(Patient patient, LocalDate date) {
        openClinicDay(date);
        var answer = Fixtures.book(patient.referralId(), date).extract();
        assertEquals(201, answer.statusCode(), answer.body().asString());
        return UUID.fromString(answer.path("id"));
    }

    private Map<String, Object> appointment(UUID id) {
        return scheduler().get("/api/appointments/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private List<Map<String, Object>> notifications(UUID referralId) {
        return scheduler().queryParam("referralId", referralId).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    /** The messages to the address, once at least one has arrived (other tests' messages may be in the sink too). */
    private List<ReceivedMail> awaitMailTo(String address) {
        Awaitility.await("a message to the patient").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> !mailTo(address).isEmpty());
        return mailTo(address);
    }

    private List<ReceivedMail> mailTo(String address) {
        return sink.messages().stream().filter(m -> m.to().equals(address)).toList();
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    private static String[] linkIn(ReceivedMail mail) {
        Matcher m = TOKEN.matcher(mail.text());
        assertTrue(m.find(), "a confirmation link in " + mail.text());
        return new String[] {m.group(1), m.group(2)};
    }

    private static io.restassured.response.ValidatableResponse confirm(UUID appointment, String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/appointments/" + appointment + "/confirm").then();
    }

    @Test
    void theReminderLinkOpensTheServicesOwnConfirmationPageWithoutALogin() {
        Patient patient = patient();
        LocalDate day = today.plusDays(153);
        book(patient, day);
        TestClock.setToday(day.minusDays(1));
        planner.plan();
        dispatcher.dispatch();
        ReceivedMail mail = awaitMailTo(patient.email()).get(0);
        Matcher link = Pattern.compile("(https?://\\S+/confirm\\.html)\\?appointment=").matcher(mail.text());
        assertTrue(link.find(), "the link opens the confirmation page: " + mail.text());

        String page = given().get("/confirm.html").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
        assertTrue(page.contains("/api/appointments/") && page.contains("/confirm"), "the page posts to the endpoint");
        assertTrue(page.contains("type=\"button\""), "nothing is sent until the patient presses the button");
    }

    @Test
    void theSevenDayReminderIsQueuedOnTheSeventhDayNotTheEighthOnceAndSentOverSmtp() {
        Patient patient = patient();
        LocalDate day = today.plusDays(152);
        UUID appointment = book(patient, day);
        LocalTime start = LocalTime.parse((String) appointment(appointment).get("startTime"));

        TestClock.setToday(day.minusDays(8));
        planner.plan();
        assertTrue(notifications(patient.referralId()).isEmpty(), "nothing is due on D-8");

        TestClock.setToday(day.minusDays(7));
        planner.plan();
        planner.plan();
        List<Map<String, Object>> queued = notifications(patient.referralId());
        assertEquals(1, queued.size(), "one D-7 reminder, however often the planner runs: " + queued);
        assertEquals("REMINDER", queued.get(0).get("kind"));
        assertEquals(7, queued.get(0).get("daysBefore"));
        assertEquals("QUEUED", queued.get(0).get("status"));
        assertEquals(day.toString(), queued.get(0).get("slotDate"));

        dispatcher.dispatch();
        List<ReceivedMail> mail = awaitMailTo(patient.email()).stream().toList();
        assertEquals(1, mail.size());
        ReceivedMail reminder = mail.get(0);
        String when = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                + day.getDayOfMonth();
        assertTrue(reminder.subject().contains(when) && reminder.subject().contains(start.toString()), reminder.subject());
        assertTrue(reminder.text().contains("Place: " + PLACE), reminder.text());
        assertTrue(reminder.text().contains(start.toString()), reminder.text());
        for (String private_ : List.of("Alex", patient.lastName(), "BLEPHAROSPASM", "blepharospasm", "Botox injection",
                patient.phone())) {
            assertFalse(reminder.text().contains(private_) || reminder.subject().contains(private_), private_);
        }
        Map<String, Object> sent = notifications(patient.referralId()).get(0);
        assertEquals("SENT", sent.get("status"));
        assertEquals(1, sent.get("attempts"));
        assertEquals("EMAIL", sent.get("channel"));

        planner.plan();
        dispatcher.dispatch();
        assertEquals(1, notifications(patient.referralId()).size());
        assertEquals(1, mailTo(patient.email()).size(), "sent once");

        TestClock.setToday(day.minusDays(1));
        planner.plan();
        dispatcher.dispatch();
        List<Map<String, Object>> both = notifications(patient.referralId());
        assertEquals(List.of(7, 1), both.stream().map(n -> n.get("daysBefore")).toList());
        assertEquals(2, mailTo(patient.email()).size());
    }

    @Test
    void aBookingForTomorrowGetsOnlyItsOneDayReminderAtTheNextRun() {
        Patient patient = patient();
        LocalDate tomorrow = today.plusDays(1);
        book(patient, tomorrow);

        planner.plan();
        dispatcher.dispatch();

        List<Map<String, Object>> sent = notifications(patient.referralId());
        assertEquals(1, sent.size(), sent.toString());
        assertEquals(1, sent.get(0).get("daysBefore"));
        assertEquals("SENT", sent.get(0).get("status"));
        assertEquals(1, awaitMailTo(patient.email()).stream().count());
    }

    @Test
    void aRescheduleWithdrawsTheOldSlotsReminderQueuesTheNewOneAndTheOldLinkNoLongerConfirms() {
        Patient patient = patient();
        LocalDate day = today.plusDays(154);
        UUID appointment = book(patient, day);
        TestClock.setToday(day.minusDays(7));
        planner.plan();
        dispatcher.dispatch();
        String[] oldLink = linkIn(awaitMailTo(patient.email()).stream().findFirst()
                .orElseThrow());
        assertEquals(appointment.toString(), oldLink[0]);

        // Moved to a day whose D-7 reminder is not due yet: the sent reminder stays SENT, nothing new is queued.
        LocalDate later = day.plusDays(14);
        openClinicDay(later);
        scheduler().body(Map.of("date", later.toString())).post("/api/appointments/" + appointment + "/reschedule")
                .then().statusCode(200);
        confirm(appointment, oldLink[1]).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("SLOT_CHANGED"));
        confirm(appointment, oldLink[1].substring(0, 42) + (oldLink[1].endsWith("A") ? "B" : "A")).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("INVALID_CONFIRMATION_TOKEN"));
        confirm(UUID.randomUUID(), oldLink[1]).statusCode(403).body("code", equalTo("INVALID_CONFIRMATION_TOKEN"));

        TestClock.setToday(later.minusDays(7));
        planner.plan();
        List<Map<String, Object>> reminders = notifications(patient.referralId());
        assertEquals(List.of("SENT", "QUEUED"), reminders.stream().map(n -> n.get("status")).toList());
        assertEquals(later.toString(), reminders.get(1).get("slotDate"));

        // Moved again (a minute later) while the new reminder is queued: it is withdrawn, one for the newest slot queued.
        TestClock.advance(Duration.ofMinutes(1));
        String newTime = "14:10";
        scheduler().body(Map.of("date", later.toString(), "startTime", newTime))
                .post("/api/appointments/" + appointment + "/reschedule").then().statusCode(200)
                .body("startTime", equalTo(newTime + ":00"));
        planner.plan();
        reminders = notifications(patient.referralId());
        assertEquals(List.of("SENT", "SUPPRESSED", "QUEUED"), reminders.stream().map(n -> n.get("status")).toList());
        assertEquals("APPOINTMENT_CHANGED", reminders.get(1).get("statusReason"));
        assertEquals(newTime + ":00", reminders.get(2).get("slotTime"));

        dispatcher.dispatch();
        List<ReceivedMail> mail = mailTo(patient.email());
        assertEquals(2, mail.size(), "the withdrawn reminder was never sent");
        String[] newLink = linkIn(mail.get(1));
        assertTrue(mail.get(1).subject().contains(newTime));
        confirm(appointment, newLink[1]).statusCode(200).body("date", equalTo(later.toString()))
                .body("startTime", equalTo(newTime + ":00")).body("confirmedAt", not(nullValue()));
        confirm(appointment, newLink[1]).statusCode(200);
        confirm(appointment, oldLink[1]).statusCode(409).body("code", equalTo("SLOT_CHANGED"));

        given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("referralId", patient.referralId()).get("/api/audit")
                .then().statusCode(200).body("items.action", hasItem("CONFIRM"));
    }

    @Test
    void aCancellationWithdrawsTheQueuedReminderAndItsLinkAnswersWithTheStatus() {
        Patient patient = patient();
        LocalDate day = today.plusDays(156);
        UUID appointment = book(patient, day);
        TestClock.setToday(day.minusDays(7));
        planner.plan();
        dispatcher.dispatch();
        String[] link = linkIn(mailTo(patient.email()).get(0));
        TestClock.setToday(day.minusDays(1));
        planner.plan();
        assertEquals(List.of("SENT", "QUEUED"), notifications(patient.referralId()).stream().map(n -> n.get("status")).toList());

        scheduler().body("{\"reason\":\"travelling\",\"by\":\"PATIENT\"}").post("/api/appointments/" + appointment + "/cancel")
                .then().statusCode(200);
        dispatcher.dispatch();
        planner.plan();

        Map<String, Object> withdrawn = notifications(patient.referralId()).get(1);
        assertEquals("SUPPRESSED", withdrawn.get("status"));
        assertEquals("APPOINTMENT_CHANGED", withdrawn.get("statusReason"));
        assertEquals(0, withdrawn.get("attempts"));
        assertEquals(1, mailTo(patient.email()).size(), "only the reminder sent before the cancellation");
        confirm(appointment, link[1]).statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("CANCELLED"));
    }

    @Test
    void theRunsOfTwoReplicasAtOnceQueueAndSendEachReminderOnce() throws Exception {
        Patient patient = patient();
        LocalDate day = today.plusDays(158);
        book(patient, day);
        TestClock.setToday(day.minusDays(7));

        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(() -> planner.plan());
            }
            for (Future<Object> run : replicas.invokeAll(runs)) {
                run.get();
            }
            runs.clear();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> dispatcher.dispatch());
            }
            for (Future<Object> run : replicas.invokeAll(runs)) {
                run.get();
            }
        } finally {
            replicas.shutdown();
        }

        List<Map<String, Object>> reminders = notifications(patient.referralId());
        assertEquals(1, reminders.size());
        assertEquals("SENT", reminders.get(0).get("status"));
        assertEquals(1, reminders.get(0).get("attempts"));
        assertEquals(1, mailTo(patient.email()).size());
    }

    @Test
    void aMessageThatCannotBeSentIsRetriedWithBackOffAndFailedAfterTheLastAttempt() {
        Patient patient = patient();
        scheduler().body(Map.of("channel", "SMS", "optedOut", false))
                .put("/api/patients/" + patient.patientId() + "/contact-preferences").then().statusCode(200)
                .body("channel", equalTo("SMS")).body("effectiveChannel", equalTo("SMS"));
        LocalDate day = today.plusDays(160);
        book(patient, day);
        TestClock.setToday(day.minusDays(7));
        planner.plan();

        dispatcher.dispatch();
        Map<String, Object> first = notifications(patient.referralId()).get(0);
        assertEquals("QUEUED", first.get("status"));
        assertEquals(1, first.get("attempts"));
        assertEquals("SMS", first.get("channel"));
        String error = (String) first.get("lastError");
        assertTrue(error != null && error.contains("SMS gateway"), error);
        assertFalse(error.contains(patient.phone()));

        dispatcher.dispatch();
        assertEquals(1, notifications(patient.referralId()).get(0).get("attempts"), "not retried before its back-off");
        TestClock.advance(Duration.ofMinutes(1));
        dispatcher.dispatch();
        assertEquals(2, notifications(patient.referralId()).get(0).get("attempts"));
        TestClock.advance(Duration.ofMinutes(2));
        dispatcher.dispatch();
        Map<String, Object> failed = notifications(patient.referralId()).get(0);
        assertEquals("FAILED", failed.get("status"));
        assertEquals(3, failed.get("attempts"));
        assertEquals(null, failed.get("nextAttemptAt"));
        TestClock.advance(Duration.ofHours(2));
        dispatcher.dispatch();
        assertEquals(3, notifications(patient.referralId()).get(0).get("attempts"));
    }

    @Test
    void anOptOutWithdrawsWhatIsQueuedAndNothingMoreIsSent() {
        Patient patient = patient();
        LocalDate day = today.plusDays(162);
        book(patient, day);
        TestClock.setToday(day.minusDays(7));
        planner.plan();

        scheduler().body(Map.of("channel", "EMAIL", "optedOut", true))
                .put("/api/patients/" + patient.patientId() + "/contact-preferences").then().statusCode(200)
                .body("optedOut", equalTo(true)).body("effectiveChannel", nullValue())
                .body("email", equalTo(patient.email()));
        Map<String, Object> withdrawn = notifications(patient.referralId()).get(0);
        assertEquals("SUPPRESSED", withdrawn.get("status"));
        assertEquals("OPTED_OUT", withdrawn.get("statusReason"));

        TestClock.setToday(day.minusDays(1));
        planner.plan();
        dispatcher.dispatch();
        List<Map<String, Object>> all = notifications(patient.referralId());
        assertEquals(List.of("SUPPRESSED", "SUPPRESSED"), all.stream().map(n -> n.get("status")).toList());
        assertTrue(mailTo(patient.email()).isEmpty());

        scheduler().get("/api/patients/" + patient.patientId() + "/contact-preferences").then().statusCode(200)
                .body("optedOut", equalTo(true));
        scheduler().get("/api/patients/" + UUID.randomUUID() + "/contact-preferences").then().statusCode(404)
                .contentType("application/problem+json");
        scheduler().body(Map.of("channel", "PIGEON", "optedOut", false))
                .put("/api/patients/" + patient.patientId() + "/contact-preferences").then().statusCode(400)
                .contentType("application/problem+json");
        scheduler().body(Map.of("channel", "SMS"))
                .put("/api/patients/" + patient.patientId() + "/contact-preferences").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theUnconfirmedWorklistShowsBookedAppointmentsFromTwoDaysAheadUntilConfirmed() {
        Patient patient = patient();
        LocalDate day = today.plusDays(164);
        UUID appointment = book(patient, day);

        TestClock.setToday(day.minusDays(3));
        assertFalse(unconfirmed().contains(appointment.toString()), "not yet on D-3");
        TestClock.setToday(day.minusDays(2));
        assertTrue(unconfirmed().contains(appointment.toString()), "on the list from D-2");

        planner.plan();
        dispatcher.dispatch();
        String[] link = linkIn(mailTo(patient.email()).get(0));
        confirm(appointment, link[1]).statusCode(200);
        assertFalse(unconfirmed().contains(appointment.toString()), "confirmed");

        scheduler().body(Map.of("date", day.toString(), "startTime", "14:40"))
                .post("/api/appointments/" + appointment + "/reschedule").then().statusCode(200);
        assertTrue(unconfirmed().contains(appointment.toString()), "a new time wants a new confirmation");
        confirm(appointment, link[1]).statusCode(409).body("code", equalTo("SLOT_CHANGED"));
    }

    private List<String> unconfirmed() {
        return scheduler().queryParam("kind", "unconfirmed").queryParam("limit", 500).get("/api/worklist").then()
                .statusCode(200).extract().jsonPath().getList("items.appointment.id");
    }

    @Test
    void aTreatedPatientIsRecalledOnceWhenTheirPlanEntersTheDueWindow() {
        UUID patientId = UUID.randomUUID();
        int dueWithin = 30;
        LocalDate lastTreatment = today.minusDays(84).plusDays(dueWithin + 1);
        UUID referralId = readyPlan(em, "CERVICAL_DYSTONIA", today.minusDays(10), today.plusMonths(6), 4, 600,
                lastTreatment, "Recall" + patientId.toString().substring(0, 6), patientId);
        String email = "recall-" + patientId + "@example.org";
        sql("insert into contact_preference (contact_key, email, opted_out, updated_at) values (?1, ?2, false, now())",
                patientId, email);

        planner.plan();
        assertTrue(notifications(referralId).isEmpty(), "due in 31 days: not yet in the window");

        TestClock.setToday(today.plusDays(1));
        planner.plan();
        planner.plan();
        dispatcher.dispatch();
        List<Map<String, Object>> recalls = notifications(referralId);
        assertEquals(1, recalls.size(), recalls.toString());
        assertEquals("RECALL", recalls.get(0).get("kind"));
        assertEquals("SENT", recalls.get(0).get("status"));
        assertEquals(lastTreatment.plusDays(84).toString(), recalls.get(0).get("slotDate"));
        List<ReceivedMail> mail = mailTo(email);
        assertEquals(1, mail.size());
        assertTrue(mail.get(0).text().contains("Place: " + PLACE));
        assertFalse(mail.get(0).text().toLowerCase().contains("dystonia"));

        TestClock.setToday(today.plusDays(5));
        planner.plan();
        assertEquals(1, notifications(referralId).size(), "once per cycle");
    }

    @Test
    void theContactDetailsOfAnAcceptedReferralAreKeptForThePatient() {
        UUID referralId = UUID.randomUUID();
        UUID patientId = UUID.randomUUID();
        String email = "accepted-" + patientId + "@example.org";
        KafkaProbe.send(kafka, "referral-events", referralId.toString(),
                SampleEvents.referralAccepted(referralId, patientId, "555-0142", email),
                SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", referralId));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                scheduler().get("/api/patients/" + patientId + "/contact-preferences").then().statusCode(200)
                        .body("email", equalTo(email)).body("phone", equalTo("555-0142"))
                        .body("effectiveChannel", equalTo("EMAIL")).body("optedOut", equalTo(false)));
    }

    @Test
    void aMergedPatientsContactDetailsAndOptOutFollowTheSurvivor() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        sql("insert into contact_preference (contact_key, email, opted_out, updated_at) values (?1, ?2, false, now())",
                survivor, "survivor-" + survivor + "@example.org");
        sql("insert into contact_preference (contact_key, phone, opted_out, opted_out_at, updated_at) "
                + "values (?1, '555-0177', true, now(), now())", merged);

        KafkaProbe.send(kafka, "referral-events", survivor.toString(), SampleEvents.patientMerged(survivor, merged),
                SampleEvents.headers(UUID.randomUUID(), "PatientMerged", "/referral-service", survivor));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                scheduler().get("/api/patients/" + merged + "/contact-preferences").then().statusCode(404));
        scheduler().get("/api/patients/" + survivor + "/contact-preferences").then().statusCode(200)
                .body("email", equalTo("survivor-" + survivor + "@example.org")).body("phone", equalTo("555-0177"))
                .body("optedOut", equalTo(true));
    }

    @Test
    void theConfirmationEndpointNeedsNoLoginButIsRateLimited() {
        UUID unknown = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            confirm(unknown, "x".repeat(43)).statusCode(403);
        }
        confirm(unknown, "x".repeat(43)).statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED")).header("Retry-After", not(nullValue()));
        given().contentType(ContentType.JSON).body("{}").post("/api/appointments/" + UUID.randomUUID() + "/confirm")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("referralId", UUID.randomUUID()).get("/api/notifications").then().statusCode(401);
        scheduler().get("/api/notifications").then().statusCode(400).contentType("application/problem+json");
    }
}
