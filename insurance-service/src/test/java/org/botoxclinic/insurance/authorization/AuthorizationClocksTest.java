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
import java.time.Instant;
import java.time.LocalDate;
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
import org.botoxclinic.insurance.authorization.service.TreatmentLedger;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
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
    TreatmentLedger ledger;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void resetClock() {
        TestClocks.reset();
    }

    private Opened approved(String validFrom, String validTo) {
        Opened c = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        post(c.caseId(), "submit", Map.of("channel", "PORTAL", "expedited", false, "override", true,
                "overrideReason", "notes attached")).statusCode(200);
        approve(c.caseId(), "AUTH-" + c.caseId().substring(0, 8), 310, 2, validFrom, validTo).statusCode(200);
        return c;
    }

    private void treated(Opened c, String date) {
        QuarkusTransaction.requiringNew().run(() -> ledger.record(new Treatment(UUID.randomUUID(), c.referralId(),
                UUID.randomUUID(), UUID.fromString(c.caseId()), LocalDate.parse(date), 155, 0)));
    }

    private double overdueGauge() {
        return meters.find(AuthorizationClockJob.OVERDUE_GAUGE).gauge().value();
    }

    private int overdueInQueue() {
        return given().auth().oauth2(specialist()).queryParam("overdue", true).queryParam("limit", 500)
                .get("/api/authorizations").then().statusCode(200).extract().jsonPath().getList("id").size();
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
        post(c.caseId(), "submit", Map.of("channel", "PHONE", "expedited", true, "override", true,
                "overrideReason", "urgent")).statusCode(200).body("decisionDueAt", equalTo("2026-11-27T12:00:00Z"));

        TestClocks.CLOCK.set(Instant.parse("2026-11-27T11:59:00Z"));
        job.run();
        get(c.caseId()).body("overdue", equalTo(false)).body("overdueFlaggedAt", nullValue());

        TestClocks.CLOCK.set(Instant.parse("2026-11-27T12:00:00Z"));
        job.run();
        get(c.caseId()).body("overdue", equalTo(false)).body("overdueFlaggedAt", nullValue());
        assertEquals(overdueInQueue(), (int) overdueGauge());

        TestClocks.CLOCK.set(Instant.parse("2026-11-27T12:01:00Z"));
        AuthorizationClockJob.Result result = job.run();
        get(c.caseId()).body("overdue", equalTo(true)).body("overdueFlaggedAt", equalTo("2026-11-27T12:01:00Z"));
        assertEquals(overdueInQueue(), (int) overdueGauge());
        assertEquals(result.overdue(), (int) overdueGauge());

        // The payer's answer ends the flag.
        approve(c.caseId(), "AUTH-LATE", 310, 2, "2026-12-01", "2027-05-31").statusCode(200).body("overdue", equalTo(false));
    }

    @Test
    void shouldExpireAnApprovalOnTheDayAfterValidToInTheClinicsZone() {
        Opened c = approved("2026-11-24", "2026-12-10");

        // 23:30 on 2026-12-10 in New York is already 2026-12-11 in UTC: still the last good day.
        TestClocks.CLOCK.set(Instant.parse("2026-12-11T04:30:00Z"));
        job.run();
        get(c.caseId()).body("status", equalTo("APPROVED"));

        TestClocks.CLOCK.set(Instant.parse("2026-12-11T05:01:00Z"));
        job.run();
        get(c.caseId()).body("status", equalTo("EXPIRED"))
                .body("statusHistory.to", hasItem("EXPIRED"))
                .body("nextCaseId", nullValue());
        ConsumerRecord<String, String> expired = published("AuthorizationExpired", c.referralId());
        assertEquals(c.referralId().toString(), KafkaProbe.header(expired, "ce_subject"));

        job.run();
        get(c.caseId()).body("statusHistory.to", contains("PENDING_SUBMISSION", "SUBMITTED", "APPROVED", "EXPIRED"));
        given().auth().oauth2(specialist()).queryParam("referralId", c.referralId()).get("/api/authorizations")
                .then().body("id", contains(c.caseId()));
    }

    @Test
    void shouldOpenOneReauthorizationWhenATreatedApprovalEndsWithinThirtyDays() {
        Opened c = approved("2026-11-24", "2027-05-31");
        treated(c, "2026-12-02");

        TestClocks.CLOCK.set(Instant.parse("2027-04-30T16:00:00Z"));
        job.run();
        get(c.caseId()).body("nextCaseId", nullValue());

        TestClocks.CLOCK.set(Instant.parse("2027-05-01T16:00:00Z"));
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
                .then().body("id", contains(next, c.caseId()));
    }

    @Test
    void shouldNotAskForReauthorizationWhileThePatientHasNotBeenTreated() {
        Opened c = approved("2026-11-24", "2027-05-31");
        TestClocks.CLOCK.set(Instant.parse("2027-05-20T16:00:00Z"));
        job.run();
        get(c.caseId()).body("status", equalTo("APPROVED")).body("nextCaseId", nullValue());
    }
}
