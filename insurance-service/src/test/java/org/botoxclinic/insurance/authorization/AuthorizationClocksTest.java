package org.botoxclinic.insurance.authorization;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.insurance.authorization.Fixtures.approve;
import static org.botoxclinic.insurance.authorization.Fixtures.get;
import static org.botoxclinic.insurance.authorization.Fixtures.post;
import static org.botoxclinic.insurance.authorization.Fixtures.specialist;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.insurance.authorization.CaseSupport.Opened;
import org.botoxclinic.insurance.authorization.domain.Treatment;
import org.botoxclinic.insurance.authorization.service.AuthorizationClockJob;
import org.botoxclinic.insurance.authorization.service.TreatmentUsageService;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AuthorizationClocksTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    CaseSupport cases;

    @Inject
    AuthorizationClockJob job;

    @Inject
    TreatmentUsageService usage;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    private Opened approved(LocalDate validFrom, LocalDate validTo) {
        Opened c = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        post(c.caseId(), "submit", Map.of("channel", "PORTAL", "expedited", false, "override", true,
                "overrideReason", "notes attached")).statusCode(200);
        approve(c.caseId(), "AUTH-" + c.caseId().substring(0, 8), 310, 2, validFrom, validTo).statusCode(200);
        return c;
    }

    private void treated(Opened c, LocalDate date) {
        QuarkusTransaction.requiringNew().run(() -> usage.record(new Treatment(UUID.randomUUID(), c.referralId(),
                UUID.randomUUID(), UUID.fromString(c.caseId()), date, 155, 0)));
    }

    /** Noon in the clinic on the given day. */
    private static void clinicNoon(LocalDate day) {
        TestClock.setToday(day, LocalTime.NOON);
    }

    private double overdueGauge() {
        return meters.find(AuthorizationClockJob.OVERDUE_GAUGE).gauge().value();
    }

    private int overdueInQueue() {
        return given().auth().oauth2(specialist()).queryParam("overdue", true).queryParam("limit", 500)
                .get("/api/authorizations").then().statusCode(200).extract().jsonPath().getList("items.id").size();
    }

    private ConsumerRecord<String, String> published(String type, UUID referralId) {
        try (KafkaProbe probe = new KafkaProbe(kafka, "authorization-events")) {
            ConsumerRecord<String, String> record = probe.awaitType(type, referralId.toString(), Duration.ofSeconds(20));
            EventContract.assertValid(type, record.value());
            return record;
        }
    }

    @Test
    void shouldFlagADecisionOnlyOnceItsDueMinuteHasPassed() {
        Opened c = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        OffsetDateTime due = TestClock.now().plusHours(72);
        post(c.caseId(), "submit", Map.of("channel", "PHONE", "expedited", true, "override", true,
                "overrideReason", "urgent")).statusCode(200).body("decisionDueAt", Fixtures.sameInstant(due));

        TestClock.set(due.minusMinutes(1).toInstant());
        job.run();
        get(c.caseId()).body("overdue", equalTo(false)).body("overdueFlaggedAt", nullValue());

        TestClock.set(due.toInstant());
        job.run();
        get(c.caseId()).body("overdue", equalTo(false)).body("overdueFlaggedAt", nullValue());
        assertEquals(overdueInQueue(), (int) overdueGauge());

        TestClock.set(due.plusMinutes(1).toInstant());
        AuthorizationClockJob.Result result = job.run();
        get(c.caseId()).body("overdue", equalTo(true)).body("overdueFlaggedAt", Fixtures.sameInstant(due.plusMinutes(1)));
        assertEquals(overdueInQueue(), (int) overdueGauge());
        assertEquals(result.overdue(), (int) overdueGauge());

        // The payer's answer ends the flag.
        LocalDate from = TestClock.today();
        approve(c.caseId(), "AUTH-LATE", 310, 2, from, from.plusMonths(6)).statusCode(200).body("overdue", equalTo(false));
    }

    @Test
    void shouldExpireAnApprovalOnTheDayAfterValidToInTheClinicsZone() {
        LocalDate lastGoodDay = TestClock.today().plusDays(16);
        Opened c = approved(TestClock.today(), lastGoodDay);

        // 23:30 on the last good day in New York is already the next day in UTC: still the last good day.
        TestClock.setToday(lastGoodDay, LocalTime.of(23, 30));
        job.run();
        get(c.caseId()).body("status", equalTo("APPROVED"));

        TestClock.setToday(lastGoodDay.plusDays(1), LocalTime.of(0, 1));
        job.run();
        get(c.caseId()).body("status", equalTo("EXPIRED"))
                .body("statusHistory.to", hasItem("EXPIRED"))
                .body("nextCaseId", nullValue());
        ConsumerRecord<String, String> expired = published("AuthorizationExpired", c.referralId());
        assertEquals(c.referralId().toString(), KafkaProbe.header(expired, "ce_subject"));

        job.run();
        get(c.caseId()).body("statusHistory.to", contains("PENDING_SUBMISSION", "SUBMITTED", "APPROVED", "EXPIRED"));
        given().auth().oauth2(specialist()).queryParam("referralId", c.referralId()).get("/api/authorizations")
                .then().body("items.id", contains(c.caseId()));
    }

    @Test
    void shouldOpenOneReauthorizationWhenATreatedApprovalEndsWithinThirtyDays() {
        LocalDate from = TestClock.today();
        LocalDate lastGoodDay = from.plusMonths(6).minusDays(1);
        Opened c = approved(from, lastGoodDay);
        treated(c, from.plusDays(8));

        // Thirty-one days before the last good day is too early; thirty days before, the next case opens.
        clinicNoon(lastGoodDay.minusDays(31));
        job.run();
        get(c.caseId()).body("nextCaseId", nullValue());

        clinicNoon(lastGoodDay.minusDays(30));
        job.run();
        String next = get(c.caseId()).statusCode(200).extract().path("nextCaseId");
        get(c.caseId()).body("links.next", equalTo("/api/authorizations/" + next));
        get(next).statusCode(200)
                .body("status", equalTo("PENDING_SUBMISSION"))
                .body("previousCaseId", equalTo(c.caseId()))
                .body("links.previous", equalTo("/api/authorizations/" + c.caseId()))
                .body("requirements.code", contains("SPECIALIST_PRESCRIBER", "NO_CONCURRENT_CGRP_ANTAGONIST",
                        "DOCUMENTED_BENEFIT"))
                .body("unmetRequirements", contains("SPECIALIST_PRESCRIBER", "DOCUMENTED_BENEFIT"))
                .body("statusHistory[0].note", equalTo("reauthorization: WINDOW_ENDING"));
        ConsumerRecord<String, String> required = published("ReauthorizationRequired", c.referralId());
        String payload = required.value().replace(" ", "");
        assertEquals(true, payload.contains("\"reason\":\"WINDOW_ENDING\"") && payload.contains(next), payload);

        job.run();
        given().auth().oauth2(specialist()).queryParam("referralId", c.referralId()).get("/api/authorizations")
                .then().body("items.id", contains(next, c.caseId()));
    }

    @Test
    void shouldNotAskForReauthorizationWhileThePatientHasNotBeenTreated() {
        LocalDate lastGoodDay = TestClock.today().plusMonths(6).minusDays(1);
        Opened c = approved(TestClock.today(), lastGoodDay);
        clinicNoon(lastGoodDay.minusDays(11));
        job.run();
        get(c.caseId()).body("status", equalTo("APPROVED")).body("nextCaseId", nullValue());
    }
}
