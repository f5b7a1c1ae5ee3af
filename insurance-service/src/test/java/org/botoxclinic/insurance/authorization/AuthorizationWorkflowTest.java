package org.botoxclinic.insurance.authorization;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.insurance.authorization.Fixtures.approve;
import static org.botoxclinic.insurance.authorization.Fixtures.get;
import static org.botoxclinic.insurance.authorization.Fixtures.post;
import static org.botoxclinic.insurance.authorization.Fixtures.requirement;
import static org.botoxclinic.insurance.authorization.Fixtures.specialist;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.insurance.authorization.CaseSupport.Opened;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AuthorizationWorkflowTest {

    private static final Map<String, Object> STANDARD = Map.of("channel", "PORTAL", "expedited", false);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    CaseSupport cases;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    private static Map<String, Object> overridden(Map<String, Object> submission) {
        Map<String, Object> body = new HashMap<>(submission);
        body.put("override", true);
        body.put("overrideReason", "chart notes attached");
        return body;
    }

    private ConsumerRecord<String, String> published(String type, UUID referralId, String fragment) {
        try (KafkaProbe probe = new KafkaProbe(kafka, "authorization-events")) {
            ConsumerRecord<String, String> record = probe.await(r -> type.equals(KafkaProbe.header(r, "ce_type"))
                    && referralId.toString().equals(r.key()) && r.value().replace(" ", "").contains(fragment),
                    Duration.ofSeconds(20));
            assertEquals("/insurance-service", KafkaProbe.header(record, "ce_source"));
            EventContract.assertValid(type, record.value());
            return record;
        }
    }

    private static LocalDate validFrom() {
        return TestClock.today().plusDays(7);
    }

    private static LocalDate validTo() {
        return validFrom().plusMonths(6).minusDays(1);
    }

    @Test
    void shouldBuildTheChecklistAndLinesFromTheCatalogueForEachIndication() {
        Opened migraine = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        get(migraine.caseId()).statusCode(200)
                .body("requirements.code", contains("HEADACHE_DIARY", "PREVENTIVE_CLASSES_TRIED", "SPECIALIST_PRESCRIBER",
                        "NO_CONCURRENT_CGRP_ANTAGONIST"))
                .body("requirements.met", contains(true, true, false, true))
                .body("requirements.metBy", contains("REFERRAL", "REFERRAL", null, "REFERRAL"))
                .body("unmetRequirements", contains("SPECIALIST_PRESCRIBER"))
                .body("procedureLine.cptCode", equalTo("64615"))
                .body("drugLine.requestedUnits", equalTo(310))
                .body("statusHistory.to", contains("PENDING_SUBMISSION"));

        Map<String, Object> fourteenDays = new HashMap<>(CaseSupport.fullMigraineDetails());
        fourteenDays.put("headacheDaysPerMonth", 14);
        get(cases.open("CHRONIC_MIGRAINE", "AETNA", fourteenDays).caseId())
                .body("unmetRequirements", contains("HEADACHE_DIARY", "SPECIALIST_PRESCRIBER"));

        get(cases.open("CERVICAL_DYSTONIA", "AETNA", null).caseId())
                .body("requirements.code", contains("CLINICAL_NOTES", "OTHER_TOXINS_TRIED"))
                .body("requirements.required", contains(true, false))
                .body("unmetRequirements", contains("CLINICAL_NOTES"))
                .body("procedureLine.cptCode", equalTo("64616"))
                .body("drugLine.requestedUnits", equalTo(944))
                .body("requestedVisits", equalTo(4));

        get(cases.open("SPASTICITY", "AETNA", Map.of("spasticityCause", "STROKE")).caseId())
                .body("requirements.code", contains("SPASTICITY_CAUSE", "CLINICAL_NOTES"))
                .body("unmetRequirements", contains("CLINICAL_NOTES"));

        get(cases.open("BLEPHAROSPASM", "AETNA", Map.of()).caseId())
                .body("procedureLine.cptCode", equalTo("64612"))
                .body("requirements.code", contains("CLINICAL_NOTES"));
        Map<String, String> procedures = Map.of("LUMBAR_DYSTONIA", "64646", "WRITERS_CRAMP", "64642",
                "HEMIFACIAL_SPASM", "64612");
        procedures.forEach((indication, cpt) -> get(cases.open(indication, "AETNA", null).caseId())
                .body("procedureLine.cptCode", equalTo(cpt))
                .body("requirements.code", contains("CLINICAL_NOTES")));
    }

    @Test
    void shouldApplyAPayersOwnChecklistLinesAndClocksEnteredAsData() {
        String payer = "PAYER-" + UUID.randomUUID().toString().substring(0, 8);
        cases.sql("insert into payer_requirement (payer_id, indication, code, required) values ('" + payer
                + "', 'CHRONIC_MIGRAINE', 'SPECIALIST_PRESCRIBER', false)");
        cases.sql("insert into payer_requirement (payer_id, indication, code, description, stage, position) values ('"
                + payer + "', 'CHRONIC_MIGRAINE', 'PAYER_FORM', 'The payer''s own request form', 'INITIAL', 9)");
        cases.sql("insert into payer_requirement (payer_id, indication, code, excluded) values ('" + payer
                + "', 'CHRONIC_MIGRAINE', 'NO_CONCURRENT_CGRP_ANTAGONIST', true)");
        cases.sql("insert into payer_indication_default (payer_id, indication, units_per_visit) values ('" + payer
                + "', 'CHRONIC_MIGRAINE', 195)");
        cases.sql("insert into payer_decision_clock (payer_id, expedited_hours, standard_hours, appeal_hours) values ('"
                + payer + "', 24, 120, 240)");

        Opened c = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        get(c.caseId()).statusCode(200)
                .body("requirements.code", contains("HEADACHE_DIARY", "PREVENTIVE_CLASSES_TRIED", "SPECIALIST_PRESCRIBER",
                        "PAYER_FORM"))
                .body("unmetRequirements", contains("PAYER_FORM"))
                .body("drugLine.requestedUnits", equalTo(390));
        requirement(c.caseId(), "PAYER_FORM", Map.of("met", true, "note", "form uploaded")).statusCode(200)
                .body("unmetRequirements", equalTo(List.of()));
        // The payer's own clocks: 120 hours standard (five clinic days), 240 hours on appeal, 24 hours expedited.
        OffsetDateTime now = TestClock.now();
        post(c.caseId(), "submit", STANDARD).statusCode(200)
                .body("decisionDueAt", Fixtures.sameInstant(Fixtures.daysLater(now, 5)));
        post(c.caseId(), "decision", Map.of("outcome", "DENIED", "denialReason", "not medically necessary"))
                .statusCode(200);
        post(c.caseId(), "appeal", Map.of("submittedAt", Fixtures.iso(now), "reason", "peer-to-peer review"))
                .statusCode(200).body("status", equalTo("APPEALED"))
                .body("decisionDueAt", Fixtures.sameInstant(Fixtures.daysLater(now, 10)));

        Opened expedited = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        requirement(expedited.caseId(), "PAYER_FORM", Map.of("met", true)).statusCode(200);
        post(expedited.caseId(), "submit", Map.of("channel", "FAX", "expedited", true)).statusCode(200)
                .body("decisionDueAt", Fixtures.sameInstant(now.plusHours(24)));
    }

    @Test
    void shouldRefuseASubmissionWhileRequiredItemsAreUnmetUnlessOverriddenWithAReason() throws Exception {
        Opened c = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        post(c.caseId(), "submit", STANDARD).statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("REQUIREMENTS_UNMET")).body("unmet", contains("SPECIALIST_PRESCRIBER"));
        post(c.caseId(), "submit", Map.of("channel", "PORTAL", "expedited", false, "override", true))
                .statusCode(400).body("violations.field", contains("overrideReason"));

        requirement(c.caseId(), "NO_SUCH_ITEM", Map.of("met", true)).statusCode(404);
        requirement(c.caseId(), "SPECIALIST_PRESCRIBER", Map.of("note", "missing met")).statusCode(400);
        requirement(c.caseId(), "SPECIALIST_PRESCRIBER", Map.of("met", true, "note", "x".repeat(2001))).statusCode(400);
        requirement(c.caseId(), "SPECIALIST_PRESCRIBER", Map.of("met", true, "note", "x".repeat(2000))).statusCode(200)
                .body("requirements.find { it.code == 'SPECIALIST_PRESCRIBER' }.met", equalTo(true))
                .body("requirements.find { it.code == 'SPECIALIST_PRESCRIBER' }.metBy", equalTo("STAFF"))
                .body("unmetRequirements", equalTo(List.of()));

        OffsetDateTime now = TestClock.now();
        post(c.caseId(), "submit", Map.of("channel", "PORTAL", "expedited", false,
                "submittedAt", Fixtures.iso(now.plusMinutes(1))))
                .statusCode(400).body("violations.field", contains("submittedAt"));
        // Seven calendar days in the clinic's zone, so a change of daylight-saving time does not move the hour.
        OffsetDateTime due = Fixtures.daysLater(now, 7);
        post(c.caseId(), "submit", Map.of("channel", "PORTAL", "expedited", false, "submittedAt", Fixtures.iso(now),
                "payerReference", "REF-1"))
                .statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("decisionDueAt", Fixtures.sameInstant(due))
                .body("submission.overrideReason", nullValue())
                .body("overdue", equalTo(false));
        ConsumerRecord<String, String> submitted = published("AuthorizationSubmitted", c.referralId(), c.caseId());
        assertEquals(due.toInstant(), OffsetDateTime.parse(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(submitted.value()).get("decisionDueAt").asText()).toInstant(), submitted.value());

        requirement(c.caseId(), "SPECIALIST_PRESCRIBER", Map.of("met", false)).statusCode(409)
                .body("currentStatus", equalTo("SUBMITTED"));

        get(c.caseId()).statusCode(200);
        given().auth().oauth2(DevTokens.forGroup("admin")).queryParam("referralId", c.referralId()).get("/api/audit")
                .then().statusCode(200)
                .body("items.action", hasItems("OPEN", "READ", "UPDATE_REQUIREMENT", "SUBMIT"))
                .body("items.resourceId", hasItem(c.caseId()))
                .body("items.resourceType", everyItem(equalTo("authorization-case")));
    }

    @Test
    void shouldSendAPendedCaseBackToItsChecklistAndSubmitItAgain() {
        Opened c = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        post(c.caseId(), "submit", overridden(STANDARD)).statusCode(200)
                .body("submission.overrideReason", equalTo("chart notes attached"));
        post(c.caseId(), "decision", Map.of("outcome", "PENDED", "payerNote", "send the headache diary")).statusCode(200)
                .body("status", equalTo("PENDED")).body("payerNote", equalTo("send the headache diary"));
        requirement(c.caseId(), "SPECIALIST_PRESCRIBER", Map.of("met", true, "note", "neurologist")).statusCode(200);
        post(c.caseId(), "submit", STANDARD).statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("statusHistory.to", contains("PENDING_SUBMISSION", "SUBMITTED", "PENDED", "SUBMITTED"));
    }

    @Test
    void shouldSettleAnAppealWithALaterDecision() {
        Opened c = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        post(c.caseId(), "submit", overridden(STANDARD)).statusCode(200);
        post(c.caseId(), "decision", Map.of("outcome", "DENIED", "denialReason", " ")).statusCode(400)
                .body("violations.field", contains("denialReason"));
        post(c.caseId(), "decision", Map.of("outcome", "DENIED", "denialReason", "step therapy not documented"))
                .statusCode(200).body("status", equalTo("DENIED")).body("denialReason", equalTo("step therapy not documented"));
        published("AuthorizationDenied", c.referralId(), "\"appealed\":false");

        OffsetDateTime deniedAt = TestClock.now();
        post(c.caseId(), "appeal", Map.of("submittedAt", Fixtures.iso(deniedAt.minusMinutes(1)), "reason", "diary attached"))
                .statusCode(400).body("violations.field", contains("submittedAt"));
        post(c.caseId(), "appeal", Map.of("reason", "diary attached")).statusCode(400);
        TestClock.advance(Duration.ofHours(1));
        OffsetDateTime appealedAt = deniedAt.plusHours(1);
        post(c.caseId(), "appeal", Map.of("submittedAt", Fixtures.iso(appealedAt), "reason", "diary attached"))
                .statusCode(200).body("status", equalTo("APPEALED"))
                .body("appeal.reason", equalTo("diary attached"))
                .body("decisionDueAt", Fixtures.sameInstant(Fixtures.daysLater(appealedAt, 30)));
        post(c.caseId(), "decision", Map.of("outcome", "PENDED")).statusCode(409).body("currentStatus", equalTo("APPEALED"));
        post(c.caseId(), "decision", Map.of("outcome", "DENIED", "denialReason", "upheld on appeal")).statusCode(200)
                .body("status", equalTo("DENIED"));
        published("AuthorizationDenied", c.referralId(), "\"appealed\":true");

        Opened won = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        post(won.caseId(), "submit", overridden(STANDARD)).statusCode(200);
        post(won.caseId(), "decision", Map.of("outcome", "DENIED", "denialReason", "no diary")).statusCode(200);
        post(won.caseId(), "appeal", Map.of("submittedAt", Fixtures.iso(appealedAt), "reason", "diary attached"))
                .statusCode(200);
        approve(won.caseId(), "AUTH-APPEAL", 310, 2, validFrom(), validTo()).statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("statusHistory.to", contains("PENDING_SUBMISSION", "SUBMITTED", "DENIED", "APPEALED", "APPROVED"));
        published("AuthorizationApproved", won.referralId(), "AUTH-APPEAL");
    }

    @Test
    void shouldRefuseIllegalMovesNamingTheCurrentStatus() {
        Opened pending = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        String now = Fixtures.iso(TestClock.now());
        post(pending.caseId(), "appeal", Map.of("submittedAt", now, "reason", "x")).statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION")).body("currentStatus", equalTo("PENDING_SUBMISSION"));
        post(pending.caseId(), "withdraw", Map.of()).statusCode(400).body("violations.field", hasItem(endsWith("reason")));
        post(pending.caseId(), "withdraw", Map.of("reason", "patient chose another clinic")).statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawalReason", equalTo("patient chose another clinic"));
        post(pending.caseId(), "submit", overridden(STANDARD)).statusCode(409).body("currentStatus", equalTo("WITHDRAWN"));

        Opened approved = cases.open("CHRONIC_MIGRAINE", "AETNA", CaseSupport.fullMigraineDetails());
        post(approved.caseId(), "submit", overridden(STANDARD)).statusCode(200);
        approve(approved.caseId(), "AUTH-ILLEGAL", 310, 2, validFrom(), validTo()).statusCode(200);
        post(approved.caseId(), "submit", overridden(STANDARD)).statusCode(409).body("currentStatus", equalTo("APPROVED"));
        post(approved.caseId(), "withdraw", Map.of("reason", "x")).statusCode(409).body("currentStatus", equalTo("APPROVED"));
        post(approved.caseId(), "appeal", Map.of("submittedAt", now, "reason", "x")).statusCode(409);
        approve(approved.caseId(), "AUTH-AGAIN", 310, 2, validFrom(), validTo()).statusCode(409)
                .body("currentStatus", equalTo("APPROVED"));
    }
}
