package org.botoxclinic.scheduling.waitlist;

import static org.botoxclinic.scheduling.support.ParallelRequests.postTogether;
import static org.awaitility.Awaitility.await;
import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.clinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.clinicday.domain.CapacityFreed;
import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.scheduling.waitlist.service.WaitlistJob;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cancellation frees a chair on a full clinic day, and the patients on the waitlist are offered it: the first one
 * every booking rule lets in, with the ones ahead of them listed with the rule that excluded each; declined, expired
 * and stale offers pass the time on; nothing is ever offered twice.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class WaitlistBackfillTest {

    private static final String MIGRAINE = "CHRONIC_MIGRAINE";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/api/appointments")
    URL appointmentsUrl;

    @Inject
    EntityManager em;

    @Inject
    WaitlistJob job;

    @Inject
    Event<CapacityFreed> capacityFreed;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /**
     * A staff clinic day of this test class, well inside the default authorization window; never a whole number of weeks
     * after a clinic day (other tests open days 84 days after one), nor one of the other tests' days.
     */
    private static LocalDate day(int offset) {
        return TestDates.clinicDay(3).plusDays(offset);
    }

    /** A plan that passes every rule on any day of the test window. */
    private UUID eligible() {
        return readyPlan(em, MIGRAINE, TestDates.validFrom(), TestDates.validTo(), 2, 310, null);
    }

    private static UUID join(UUID referralId, LocalDate from, LocalDate to) {
        return UUID.fromString(scheduler().body("""
                        {"referralId":"%s","earliestDate":"%s","latestDate":"%s"}""".formatted(referralId, from, to))
                .post("/api/waitlist").then().statusCode(201).extract().path("id"));
    }

    /** A day with room for one 30-minute appointment, filled by a booking; returns that appointment. */
    private UUID fullDay(LocalDate date, int capacityMinutes) {
        clinicDay(date, capacityMinutes);
        UUID appointment = booked(eligible(), date);
        for (int booked = 30; booked < capacityMinutes; booked += 30) {
            booked(eligible(), date);
        }
        return appointment;
    }

    private static void cancel(UUID appointment) {
        scheduler().body("{\"reason\":\"patient ill\",\"by\":\"PATIENT\"}")
                .post("/api/appointments/{id}/cancel", appointment).then().statusCode(200);
    }

    private static List<Map<String, Object>> offers(LocalDate date, String status) {
        var request = scheduler().queryParam("date", date.toString());
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/api/waitlist/offers").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static Map<String, Object> theOpenOffer(LocalDate date) {
        List<Map<String, Object>> open = offers(date, "OPEN");
        assertEquals(1, open.size(), () -> "open offers on " + date + ": " + open);
        return open.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> skipped(Map<String, Object> offer, String field) {
        return ((List<Map<String, Object>>) offer.get("skipped")).stream().map(s -> String.valueOf(s.get(field))).toList();
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

    private long count(String statement, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(statement)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    /** A dose given to the patient on another of their referrals, as a completed treatment. */
    private void doseGiven(UUID patientId, LocalDate date, int units) {
        UUID other = readyPlan(em, "CERVICAL_DYSTONIA", TestDates.validFrom(), TestDates.validTo(), 2, 500, null,
                "Dose-" + UUID.randomUUID(), patientId);
        sql("""
                insert into clinic_day (date, status, capacity_minutes, origin, created_at, updated_at)
                values (?1, 'OPEN', 720, 'STAFF', now(), now()) on conflict (date) do nothing""", date);
        sql("""
                insert into appointment (id, referral_id, clinic_date, duration_minutes, status, units_administered,
                                         units_wasted, created_at, updated_at, start_time, chair, provider_id)
                values (gen_random_uuid(), ?1, ?2, 30, 'FULFILLED', ?3, 0, now(), now(), time '09:00', 'chair-1',
                        'injector-1')""", other, date, units);
    }

    @Test
    void shouldOfferTheFreedSlotToTheFirstWaitingPatientEveryRuleLetsInAndBookItOnAcceptance() {
        LocalDate day = day(26);
        UUID cancelled = fullDay(day, 30);

        UUID notAuthorized = eligible();
        sql("update treatment_plan set status = 'AUTHORIZATION_EXPIRED' where referral_id = ?1", notAuthorized);
        UUID windowEndedTheDayBefore = readyPlan(em, MIGRAINE, TestDates.validFrom(), day.minusDays(1), 2, 310, null);
        UUID noVisitLeft = readyPlan(em, MIGRAINE, TestDates.validFrom(), TestDates.validTo(), 1, 310, null);
        sql("update treatment_plan set visits_used = 1 where referral_id = ?1", noVisitLeft);
        UUID treated83DaysBefore = readyPlan(em, MIGRAINE, TestDates.validFrom(), TestDates.validTo(), 2, 310,
                day.minusDays(83));
        UUID overDose = UUID.randomUUID();
        UUID dose154Left = readyPlan(em, MIGRAINE, TestDates.validFrom(), TestDates.validTo(), 2, 310, null,
                "Dose-" + UUID.randomUUID(), overDose);
        doseGiven(overDose, day.minusDays(83), 246);
        UUID wantsLater = eligible();
        UUID wantedEarlier = eligible();
        // passes on every edge: the window opens on the day, exactly 84 days since the last treatment, one visit left,
        // 155 units still allowed for the 155 its plan needs
        UUID patient = UUID.randomUUID();
        UUID first = readyPlan(em, MIGRAINE, day, TestDates.validTo(), 2, 310, day.minusDays(84),
                "Edge-" + UUID.randomUUID(), patient);
        sql("update treatment_plan set visits_used = 1 where referral_id = ?1", first);
        doseGiven(patient, day.minusDays(83), 245);
        UUID second = eligible();

        for (UUID referral : List.of(notAuthorized, windowEndedTheDayBefore, noVisitLeft, treated83DaysBefore, dose154Left)) {
            join(referral, day, day);
        }
        join(wantsLater, day.plusDays(1), day.plusDays(2));
        join(wantedEarlier, day.minusDays(1), day.minusDays(1));
        UUID firstEntry = join(first, day, day);
        join(second, day, day);
        assertEquals(0, offers(day, null).size(), "nothing is offered before time is freed");

        cancel(cancelled);

        Map<String, Object> offer = theOpenOffer(day);
        assertEquals(first.toString(), offer.get("referralId"));
        assertEquals(firstEntry.toString(), offer.get("entryId"));
        assertEquals(List.of("NOT_AUTHORIZED", "OUTSIDE_AUTHORIZATION_WINDOW", "NO_VISITS_LEFT", "TOO_SOON", "DOSE_LIMIT"),
                skipped(offer, "rule"));
        assertEquals(List.of(notAuthorized, windowEndedTheDayBefore, noVisitLeft, treated83DaysBefore, dose154Left).stream()
                .map(UUID::toString).toList(), skipped(offer, "referralId"));
        assertEquals("chair-1", offer.get("chair"));
        assertEquals(30, offer.get("durationMinutes"));

        JsonPath appointment = scheduler().post("/api/waitlist/offers/{id}/accept", offer.get("id")).then()
                .statusCode(201).body("referralId", equalTo(first.toString())).body("date", equalTo(day.toString()))
                .body("status", equalTo("BOOKED")).body("chair", equalTo(offer.get("chair")))
                .body("startTime", equalTo(offer.get("startTime"))).extract().jsonPath();
        scheduler().get("/api/waitlist/offers/{id}", offer.get("id")).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("appointmentId", equalTo(appointment.getString("id")));
        scheduler().get("/api/waitlist/{id}", firstEntry).then().statusCode(200).body("status", equalTo("BOOKED"))
                .body("appointmentId", equalTo(appointment.getString("id")));
        scheduler().get("/api/treatment-plans/{id}", first).then().body("status", equalTo("SCHEDULED"));
        assertEquals(1, count("select count(*) from outbox_event where subject = ?1 and event_type = 'AppointmentScheduled'",
                first.toString()));
        assertEquals(0, offers(day, "OPEN").size(), "the day is full again: nobody else is offered");
        scheduler().post("/api/waitlist/offers/{id}/accept", offer.get("id")).then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("ACCEPTED"));
    }

    @Test
    void shouldOfferTheCancelledAppointmentsOwnTimeFirstAndTheDaysOtherFreeTimeToTheNext() {
        LocalDate day = day(27);
        clinicDay(day, 360);
        booked(eligible(), day); // 09:00, the first chair and injector: 09:00 on the second pair stays free
        UUID later = UUID.fromString(scheduler().body("""
                        {"referralId":"%s","date":"%s","startTime":"11:00","chair":"chair-2","providerId":"injector-2"}"""
                        .formatted(eligible(), day))
                .post("/api/appointments").then().statusCode(201).extract().path("id"));
        UUID p1 = eligible();
        UUID p2 = eligible();
        join(p1, day, day);
        join(p2, day, day);

        cancel(later);

        Map<String, Map<String, Object>> byReferral = new java.util.HashMap<>();
        offers(day, "OPEN").forEach(o -> byReferral.put((String) o.get("referralId"), o));
        assertEquals(java.util.Set.of(p1.toString(), p2.toString()), byReferral.keySet());
        Map<String, Object> toP1 = byReferral.get(p1.toString());
        assertEquals(java.time.LocalTime.of(11, 0), java.time.LocalTime.parse((String) toP1.get("startTime")),
                "the first waiting patient is offered the cancelled appointment's own time, not the earlier free 09:00");
        assertEquals("chair-2", toP1.get("chair"));
        assertEquals("injector-2", toP1.get("providerId"));
        Map<String, Object> toP2 = byReferral.get(p2.toString());
        assertEquals(java.time.LocalTime.of(9, 0), java.time.LocalTime.parse((String) toP2.get("startTime")),
                "the next one the day's first other free time");
        assertEquals("chair-2", toP2.get("chair"));
    }

    @Test
    void shouldPassTheSlotOnWhenAPatientDeclinesOrLetsTheOfferExpire() {
        LocalDate day = day(15);
        UUID cancelled = fullDay(day, 30);
        UUID p1 = eligible();
        UUID p2 = eligible();
        UUID p3 = eligible();
        for (UUID p : List.of(p1, p2, p3)) {
            join(p, day, day);
        }
        cancel(cancelled);
        Map<String, Object> toP1 = theOpenOffer(day);
        assertEquals(p1.toString(), toP1.get("referralId"));

        scheduler().post("/api/waitlist/offers/{id}/decline", toP1.get("id")).then().statusCode(200)
                .body("status", equalTo("DECLINED"));
        Map<String, Object> toP2 = theOpenOffer(day);
        assertEquals(p2.toString(), toP2.get("referralId"));
        assertEquals(List.of("OFFER_DECLINED"), skipped(toP2, "rule"));
        assertEquals(toP1.get("startTime"), toP2.get("startTime"));
        assertEquals(toP1.get("chair"), toP2.get("chair"));
        scheduler().post("/api/waitlist/offers/{id}/decline", toP1.get("id")).then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("DECLINED"));

        // 24 hours to answer: a second before, nothing expires; at the time, the offer passes on
        TestClock.advance(Duration.ofHours(24).minusSeconds(1));
        job.runOnce();
        assertEquals(toP2.get("id"), theOpenOffer(day).get("id"));
        TestClock.advance(Duration.ofSeconds(1));
        assertTrue(job.runOnce() >= 1);
        scheduler().get("/api/waitlist/offers/{id}", toP2.get("id")).then().body("status", equalTo("EXPIRED"));
        Map<String, Object> toP3 = theOpenOffer(day);
        assertEquals(p3.toString(), toP3.get("referralId"));
        assertEquals(List.of("OFFER_DECLINED", "OFFER_EXPIRED"), skipped(toP3, "rule"));
        assertEquals(List.of(p1.toString(), p2.toString()), skipped(toP3, "referralId"));
        scheduler().post("/api/waitlist/offers/{id}/accept", toP2.get("id")).then().statusCode(409)
                .body("currentStatus", equalTo("EXPIRED"));

        // answered too late, before the job ran: 409 OFFER_EXPIRED, and nobody is left to offer it to
        TestClock.advance(Duration.ofHours(24));
        scheduler().post("/api/waitlist/offers/{id}/accept", toP3.get("id")).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("OFFER_EXPIRED"));
        scheduler().get("/api/waitlist/offers/{id}", toP3.get("id")).then().body("status", equalTo("EXPIRED"));
        assertEquals(0, offers(day, "OPEN").size());
        assertEquals(0, count("select count(*) from appointment where referral_id = ?1", p3));
    }

    @Test
    void shouldRefuseAStaleOfferWith409AndOfferTheNextPatient() {
        LocalDate day = day(16);
        UUID cancelled = fullDay(day, 30);
        UUID p1 = eligible();
        UUID p2 = eligible();
        join(p1, day, day);
        join(p2, day, day);
        cancel(cancelled);
        Map<String, Object> toP1 = theOpenOffer(day);

        // the payer's approval ended meanwhile
        sql("update treatment_plan set status = 'AUTHORIZATION_EXPIRED' where referral_id = ?1", p1);
        scheduler().post("/api/waitlist/offers/{id}/accept", toP1.get("id")).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("OFFER_STALE"))
                .body("rule", equalTo("NOT_AUTHORIZED"));
        scheduler().get("/api/waitlist/offers/{id}", toP1.get("id")).then().body("status", equalTo("STALE"))
                .body("staleRule", equalTo("NOT_AUTHORIZED"));
        Map<String, Object> toP2 = theOpenOffer(day);
        assertEquals(p2.toString(), toP2.get("referralId"));
        assertEquals(List.of("NOT_AUTHORIZED"), skipped(toP2, "rule"));

        // a scheduler books the time directly meanwhile: the offer cannot be booked any more, and nothing is left
        booked(eligible(), day);
        scheduler().post("/api/waitlist/offers/{id}/accept", toP2.get("id")).then().statusCode(409)
                .body("code", equalTo("OFFER_STALE")).body("rule", equalTo("CLINIC_DAY_FULL"));
        assertEquals(0, offers(day, "OPEN").size());
        assertEquals(0, count("select count(*) from appointment where referral_id = ?1", p2));
        scheduler().get("/api/waitlist?referralId={id}", p2).then().body("items[0].status", equalTo("WAITING"));
    }

    @Test
    void shouldNeverOfferOneSlotTwiceWhenCancellationsRaceOrTheSameEventIsHandledAgain() throws Exception {
        LocalDate day = day(17);
        clinicDay(day, 60);
        UUID a1 = booked(eligible(), day);
        UUID a2 = booked(eligible(), day);
        List<UUID> waiting = List.of(eligible(), eligible(), eligible());
        waiting.forEach(p -> join(p, day, day));

        List<Integer> statuses = cancelTogether(List.of(a1, a2));
        assertEquals(List.of(200, 200), statuses);

        List<Map<String, Object>> open = offers(day, "OPEN");
        assertEquals(2, open.size(), open::toString);
        assertEquals(java.util.Set.of(waiting.get(0).toString(), waiting.get(1).toString()),
                java.util.Set.copyOf(open.stream().map(o -> String.valueOf(o.get("referralId"))).toList()),
                "the two oldest waiting patients are offered one slot each");
        assertNotEquals(open.get(0).get("chair") + "@" + open.get(0).get("startTime"),
                open.get(1).get("chair") + "@" + open.get(1).get("startTime"));

        QuarkusTransaction.requiringNew().run(() -> capacityFreed.fire(new CapacityFreed(day)));
        QuarkusTransaction.requiringNew().run(() -> capacityFreed.fire(new CapacityFreed(day)));
        assertEquals(2, offers(day, "OPEN").size());
        assertEquals(2, offers(day, null).size());
    }

    @Test
    void shouldLetABookedPatientWaitForAnEarlierDayAndMoveTheirAppointmentOnAcceptance() {
        LocalDate earlier = day(20);
        LocalDate later = day(22);
        UUID cancelled = fullDay(earlier, 30);
        clinicDay(later, 30);
        UUID patient = eligible();
        UUID appointment = booked(patient, later);
        scheduler().body("""
                        {"referralId":"%s","earliestDate":"%s","latestDate":"%s"}""".formatted(patient, earlier, later))
                .post("/api/waitlist").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("latestDate"));
        join(patient, earlier, later.minusDays(1));
        UUID waitsForLater = eligible();
        join(waitsForLater, later, later);

        cancel(cancelled);
        Map<String, Object> offer = theOpenOffer(earlier);
        assertEquals(patient.toString(), offer.get("referralId"));
        scheduler().post("/api/waitlist/offers/{id}/accept", offer.get("id")).then().statusCode(201)
                .body("id", equalTo(appointment.toString())).body("date", equalTo(earlier.toString()));
        assertEquals(1, count("select count(*) from outbox_event where subject = ?1 and event_type = 'AppointmentRescheduled'",
                patient.toString()));
        // moving the appointment freed the later day: offered to the patient waiting for it
        assertEquals(waitsForLater.toString(), theOpenOffer(later).get("referralId"));
    }

    @Test
    void shouldWithdrawAWaitingPatientWhoseReferralIsCancelledAndPassTheirOfferOn() {
        LocalDate day = day(18);
        UUID cancelled = fullDay(day, 30);
        UUID p1 = eligible();
        UUID p2 = eligible();
        UUID entry = join(p1, day, day);
        join(p2, day, day);
        cancel(cancelled);
        Map<String, Object> toP1 = theOpenOffer(day);

        KafkaProbe.send(kafka, "referral-events", p1.toString(), """
                        {"referralId":"%s","cancelledAt":"%s","reason":"patient moved away","cancelledBy":"PARTNER",
                         "partnerId":"pcp-north"}""".formatted(p1, SampleEvents.iso(TestClock.now())),
                SampleEvents.headers(UUID.randomUUID(), "ReferralCancelled", "/referral-service", p1));

        await().atMost(Duration.ofSeconds(20)).until(() -> offers(day, "OPEN").stream()
                .anyMatch(o -> p2.toString().equals(o.get("referralId"))));
        scheduler().get("/api/waitlist/{id}", entry).then().body("status", equalTo("WITHDRAWN"))
                .body("withdrawnReason", equalTo("patient moved away"));
        scheduler().get("/api/waitlist/offers/{id}", toP1.get("id")).then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldOfferTimeWhenADayGainsCapacityIsAddedOrGetsResources() {
        LocalDate day = day(19);
        fullDay(day, 30);
        UUID p1 = eligible();
        join(p1, day, day);
        scheduler().body("{\"capacityMinutes\":60}").patch("/api/clinic-days/{date}", day.toString()).then().statusCode(200);
        assertEquals(p1.toString(), theOpenOffer(day).get("referralId"));

        LocalDate added = day(24);
        UUID p2 = eligible();
        join(p2, added, added);
        clinicDay(added, 120);
        Map<String, Object> offer = theOpenOffer(added);
        assertEquals(p2.toString(), offer.get("referralId"));
        assertTrue(skipped(offer, "rule").isEmpty());

        // staff give a full day a second chair and injector for the morning
        LocalDate resourced = day(13);
        fullDay(resourced, 30);
        UUID p3 = eligible();
        join(p3, resourced, resourced);
        scheduler().body("""
                {"chairs":[{"id":"chair-1","from":"09:00","to":"12:00"},{"id":"chair-2","from":"09:00","to":"09:30"}],
                 "providers":[{"id":"injector-1","from":"09:00","to":"12:00"},{"id":"injector-2","from":"09:00","to":"09:30"}]}""")
                .put("/api/clinic-days/{date}/resources", resourced.toString()).then().statusCode(200);
        Map<String, Object> onTheNewChair = theOpenOffer(resourced);
        assertEquals(p3.toString(), onTheNewChair.get("referralId"));
    }

    @Test
    void shouldKeepOneWaitingEntryPerReferralAndRefuseBadInputNamingTheField() {
        UUID referral = eligible();
        LocalDate today = TestClock.today();
        String body = """
                {"referralId":"%s","earliestDate":"%s","latestDate":"%s"}""";
        scheduler().body(body.formatted(referral, today.minusDays(1), today.plusDays(10))).post("/api/waitlist").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", contains("earliestDate"));
        scheduler().body(body.formatted(referral, today.plusDays(10), today.plusDays(9))).post("/api/waitlist").then()
                .statusCode(400).body("violations.field", contains("latestDate"));
        scheduler().body("{\"referralId\":\"%s\",\"earliestDate\":\"%s\"}".formatted(referral, today)).post("/api/waitlist")
                .then().statusCode(400).body("violations.field", contains("latestDate"));
        scheduler().body(body.formatted(UUID.randomUUID(), today, today)).post("/api/waitlist").then().statusCode(404)
                .contentType("application/problem+json");

        UUID entry = join(referral, today, today.plusDays(10));
        scheduler().body(body.formatted(referral, today, today.plusDays(10))).post("/api/waitlist").then().statusCode(200)
                .body("id", equalTo(entry.toString()));
        scheduler().body(body.formatted(referral, today, today.plusDays(11))).post("/api/waitlist").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ALREADY_WAITING"))
                .body("entryId", equalTo(entry.toString()));
        scheduler().queryParam("referralId", referral.toString()).get("/api/waitlist").then().statusCode(200)
                .body("items.id", contains(entry.toString()));
        scheduler().queryParam("status", "SOMETIMES").get("/api/waitlist").then().statusCode(400)
                .body("violations.field", contains("status"));
        scheduler().queryParam("status", "MAYBE").get("/api/waitlist/offers").then().statusCode(400)
                .body("violations.field", contains("status"));
        scheduler().queryParam("cursor", "garbage").get("/api/waitlist").then().statusCode(400)
                .body("violations.field", contains("cursor"));
        scheduler().post("/api/waitlist/offers/{id}/accept", UUID.randomUUID()).then().statusCode(404);

        scheduler().body("{\"reason\":\"found another clinic\"}").post("/api/waitlist/{id}/withdraw", entry).then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        scheduler().post("/api/waitlist/{id}/withdraw", entry).then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("WITHDRAWN"));
        // withdrawn: the referral may join again
        UUID again = join(referral, today, today.plusDays(11));

        // the day after the last wanted date the entry lapses, not before
        TestClock.setToday(today.plusDays(11));
        job.runOnce();
        scheduler().get("/api/waitlist/{id}", again).then().body("status", equalTo("WAITING"));
        TestClock.setToday(today.plusDays(12));
        job.runOnce();
        scheduler().get("/api/waitlist/{id}", again).then().body("status", equalTo("LAPSED"));
        scheduler().queryParam("status", "LAPSED").queryParam("referralId", referral.toString()).get("/api/waitlist").then()
                .body("items.id", contains(again.toString()));

        io.restassured.RestAssured.given().get("/api/waitlist").then().statusCode(401);
        io.restassured.RestAssured.given().auth().oauth2(DevTokens.forGroup("intake")).get("/api/waitlist/offers").then()
                .statusCode(403);
        io.restassured.RestAssured.given().auth().oauth2(DevTokens.forGroup("admin")).get("/api/waitlist").then()
                .statusCode(200);
    }

    @Test
    void shouldSettleAnAcceptanceRacingADeclineOneWayOnly() throws Exception {
        LocalDate day = day(29);
        UUID cancelled = fullDay(day, 30);
        UUID patient = eligible();
        join(patient, day, day);
        cancel(cancelled);
        Object offer = theOpenOffer(day).get("id");

        List<HttpResponse<String>> answers = postTogether(List.of(
                URI.create(appointmentsUrl.toString().replace("/api/appointments", "/api/waitlist/offers/" + offer + "/accept")),
                URI.create(appointmentsUrl.toString().replace("/api/appointments", "/api/waitlist/offers/" + offer + "/decline"))),
                "");
        int accepted = answers.get(0).statusCode();
        int declined = answers.get(1).statusCode();
        long appointments = count("select count(*) from appointment where referral_id = ?1 and status = 'BOOKED'", patient);
        String status = scheduler().get("/api/waitlist/offers/{id}", offer).then().extract().path("status");
        if (accepted == 201) {
            assertEquals(409, declined, answers.get(1).body());
            assertEquals(1, appointments);
            assertEquals("ACCEPTED", status);
        } else {
            assertEquals(409, accepted, answers.get(0).body());
            assertEquals(200, declined, answers.get(1).body());
            assertEquals(0, appointments);
            assertEquals("DECLINED", status);
        }
    }

    @Test
    void shouldPassTheOfferOfAWithdrawnPatientToTheNext() {
        LocalDate day = day(30);
        UUID cancelled = fullDay(day, 30);
        UUID p1 = eligible();
        UUID p2 = eligible();
        UUID entry = join(p1, day, day);
        join(p2, day, day);
        cancel(cancelled);
        Object toP1 = theOpenOffer(day).get("id");

        scheduler().post("/api/waitlist/{id}/withdraw", entry).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        scheduler().get("/api/waitlist/offers/{id}", toP1).then().body("status", equalTo("WITHDRAWN"));
        Map<String, Object> toP2 = theOpenOffer(day);
        assertEquals(p2.toString(), toP2.get("referralId"));
        assertTrue(skipped(toP2, "rule").isEmpty(), "a withdrawn patient is no longer in the queue");
    }

    /**
     * Cancellations, acceptances (one of which moves an appointment and so frees another day) and declines on two days
     * at once, among patients waiting for both: each lock is taken in the documented order, so every request ends in an
     * answer (never a 5xx from a deadlock), no patient ever holds two open offers, and no freed slot is offered twice.
     */
    @Test
    void shouldAnswerEveryRequestWhenCancellationsAcceptancesAndDeclinesOnTwoDaysRunAtOnce() throws Exception {
        LocalDate first = day(10);
        LocalDate second = day(11);
        clinicDay(first, 60);
        clinicDay(second, 60);
        List<UUID> booked = new ArrayList<>(List.of(booked(eligible(), first), booked(eligible(), first),
                booked(eligible(), second)));
        UUID movingPatient = eligible();
        booked(movingPatient, second);
        join(movingPatient, first, first);
        List<UUID> waiting = List.of(eligible(), eligible(), eligible(), eligible());
        waiting.forEach(p -> join(p, first, second));

        List<URI> cancels = booked.stream().map(id -> URI.create(appointmentsUrl + "/" + id + "/cancel")).toList();
        List<HttpResponse<String>> cancelled = postTogether(cancels, "{\"reason\":\"ill\",\"by\":\"PATIENT\"}");
        cancelled.forEach(r -> assertEquals(200, r.statusCode(), r.body()));

        List<Map<String, Object>> open = new ArrayList<>(offers(first, "OPEN"));
        open.addAll(offers(second, "OPEN"));
        assertEquals(3, open.size(), open::toString);
        List<URI> answers = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            String verb = i == open.size() - 1 ? "decline" : "accept";
            answers.add(URI.create(appointmentsUrl.toString().replace("/api/appointments",
                    "/api/waitlist/offers/" + open.get(i).get("id") + "/" + verb)));
        }
        for (HttpResponse<String> answer : postTogether(answers, "")) {
            assertTrue(List.of(200, 201, 409).contains(answer.statusCode()), answer.statusCode() + " " + answer.body());
        }

        assertEquals(0, count("""
                select count(*) from (select entry_id from waitlist_offer where status = 'OPEN' and clinic_date >= ?1
                                      group by entry_id having count(*) > 1) twice""", first));
        for (LocalDate date : List.of(first, second)) {
            long openAppointments = count("select count(*) from appointment where clinic_date = ?1 and status = 'BOOKED'", date);
            long openOffers = offers(date, "OPEN").size();
            assertTrue(openAppointments * 30 + openOffers * 30 <= 60,
                    date + ": " + openAppointments + " booked and " + openOffers + " offered in 60 minutes");
        }
    }

    /** Cancels every appointment from its own thread, all released at once; the status codes. */
    private List<Integer> cancelTogether(List<UUID> ids) throws Exception {
        List<URI> uris = ids.stream().map(id -> URI.create(appointmentsUrl + "/" + id + "/cancel")).toList();
        return postTogether(uris, "{\"reason\":\"ill\",\"by\":\"PATIENT\"}").stream().map(HttpResponse::statusCode).toList();
    }

}
