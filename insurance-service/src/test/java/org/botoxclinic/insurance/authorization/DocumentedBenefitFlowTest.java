package org.botoxclinic.insurance.authorization;

import static org.awaitility.Awaitility.await;
import static org.botoxclinic.insurance.authorization.Fixtures.get;
import static org.botoxclinic.insurance.authorization.Fixtures.requirement;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

import org.botoxclinic.insurance.authorization.CaseSupport.Opened;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Treatment outcomes deciding a reauthorization's documented-benefit item against the payer's threshold (data). */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class DocumentedBenefitFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MIGRAINE = "CHRONIC_MIGRAINE";
    private static final String DAYS = "HEADACHE_DAYS_PER_MONTH";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    CaseSupport cases;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    /** Sends the outcome and waits until this service has stored it. */
    private UUID outcome(UUID referralId, String measure, Integer value, Integer baseline, LocalDate assessedOn) {
        UUID outcomeId = UUID.randomUUID();
        send(referralId, IncomingEvents.outcomeRecorded(outcomeId, referralId, MIGRAINE, measure, BigDecimal.valueOf(value),
                baseline == null ? null : BigDecimal.valueOf(baseline), assessedOn));
        awaitStored(outcomeId);
        return outcomeId;
    }

    private void send(UUID referralId, String json) {
        IncomingEvents.sendSchedulingEvent(kafka, "OutcomeRecorded", referralId, json);
    }

    private void awaitStored(UUID outcomeId) {
        await().atMost(WAIT).until(() -> cases.count("select count(*) from referral_outcome where outcome_id = '"
                + outcomeId + "'") == 1);
    }

    private static ValidatableResponse benefit(String caseId) {
        return get(caseId);
    }

    private static String item(String field) {
        return "requirements.find { it.code == 'DOCUMENTED_BENEFIT' }." + field;
    }

    /** A chronic-migraine referral with its reauthorization case open. */
    private Opened reauthorization(String payer) {
        Opened initial = cases.open(MIGRAINE, payer, CaseSupport.fullMigraineDetails());
        return new Opened(cases.openReauthorization(initial.caseId()), initial.referralId());
    }

    @Test
    void shouldDocumentBenefitFromAnOutcomeRecordedBeforeTheReauthorizationOpenedThenFollowTheLatestOne() {
        Opened initial = cases.open(MIGRAINE, "AETNA", CaseSupport.fullMigraineDetails());
        LocalDate firstAssessment = TestClock.today().minusDays(20);
        UUID first = outcome(initial.referralId(), DAYS, 9, 20, firstAssessment);
        // The initial case asks for no documented benefit: the outcome is kept for later.
        get(initial.caseId()).body("requirements.code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("DOCUMENTED_BENEFIT")));

        String reauth = cases.openReauthorization(initial.caseId());
        benefit(reauth).body(item("met"), equalTo(true)).body(item("metBy"), equalTo("OUTCOME"))
                .body(item("note"), equalTo("improvement 55.0 % reaches the payer's 50 % threshold"
                        + " (HEADACHE_DAYS_PER_MONTH 9 on " + firstAssessment + ", baseline 20)"))
                .body("unmetRequirements", org.hamcrest.Matchers.contains("SPECIALIST_PRESCRIBER"));

        // A later assessment decides now; an earlier one arriving late does not.
        LocalDate later = TestClock.today().minusDays(2);
        outcome(initial.referralId(), DAYS, 13, 20, later);
        benefit(reauth).body(item("met"), equalTo(false)).body(item("metBy"), nullValue())
                .body(item("note"), equalTo("improvement 35.0 % is below the payer's 50 % threshold"
                        + " (HEADACHE_DAYS_PER_MONTH 13 on " + later + ", baseline 20)"));
        outcome(initial.referralId(), DAYS, 4, 20, TestClock.today().minusDays(40));
        benefit(reauth).body(item("met"), equalTo(false)).body(item("note"), org.hamcrest.Matchers.startsWith("improvement 35.0 %"));

        // The same outcome delivered again is stored once and changes nothing.
        send(initial.referralId(), IncomingEvents.outcomeRecorded(first, initial.referralId(), MIGRAINE, DAYS,
                BigDecimal.valueOf(9), BigDecimal.valueOf(20), firstAssessment));
        UUID marker = outcome(initial.referralId(), "MIDAS", 10, 30, TestClock.today().minusDays(1));
        assertEquals(1, cases.count("select count(*) from referral_outcome where outcome_id = '" + first + "'"));
        assertEquals(1, cases.count("select count(*) from referral_outcome where outcome_id = '" + marker + "'"));
        benefit(reauth).body(item("met"), equalTo(false));
    }

    @Test
    void shouldMeetTheItemAtAndAboveThePayersThresholdAndNotJustBelow() {
        Opened at = reauthorization("AETNA");
        Opened below = reauthorization("AETNA");
        Opened above = reauthorization("AETNA");
        LocalDate day = TestClock.today().minusDays(3);
        outcome(at.referralId(), DAYS, 10, 20, day);
        outcome(below.referralId(), DAYS, 11, 21, day);
        outcome(above.referralId(), DAYS, 10, 21, day);

        benefit(at.caseId()).body(item("met"), equalTo(true))
                .body(item("note"), org.hamcrest.Matchers.startsWith("improvement 50.0 % reaches the payer's 50 % threshold"));
        benefit(below.caseId()).body(item("met"), equalTo(false))
                .body(item("note"), org.hamcrest.Matchers.startsWith("improvement 47.6 % is below the payer's 50 % threshold"));
        benefit(above.caseId()).body(item("met"), equalTo(true))
                .body(item("note"), org.hamcrest.Matchers.startsWith("improvement 52.4 % reaches"));
    }

    @Test
    void shouldTakeAPayersOwnThresholdFromItsData() {
        String payer = "THRESHOLD-" + UUID.randomUUID().toString().substring(0, 8);
        cases.sql("insert into payer_benefit_threshold (payer_id, measure, min_improvement_percent) values ('" + payer
                + "', 'HEADACHE_DAYS_PER_MONTH', 30)");
        Opened c = reauthorization(payer);
        outcome(c.referralId(), DAYS, 13, 20, TestClock.today().minusDays(1));
        benefit(c.caseId()).body(item("met"), equalTo(true))
                .body(item("note"), org.hamcrest.Matchers.startsWith("improvement 35.0 % reaches the payer's 30 % threshold"));
    }

    @Test
    void shouldLeaveTheItemUnmetWithoutABaselineAndUntouchedByOtherOrUnknownMeasures() {
        Opened noBaseline = reauthorization("AETNA");
        outcome(noBaseline.referralId(), DAYS, 8, null, TestClock.today().minusDays(1));
        benefit(noBaseline.caseId()).body(item("met"), equalTo(false))
                .body(item("note"), equalTo("no baseline for HEADACHE_DAYS_PER_MONTH: the improvement cannot be computed"
                        + " (HEADACHE_DAYS_PER_MONTH 8 on " + TestClock.today().minusDays(1)
                        + "); the payer's threshold is 50 %"));

        Opened otherMeasures = reauthorization("AETNA");
        outcome(otherMeasures.referralId(), "MIDAS", 5, 40, TestClock.today().minusDays(1));
        // A measure from outside the contract's vocabulary (a newer producer) is kept, never parked, and decides nothing.
        UUID unknown = UUID.randomUUID();
        send(otherMeasures.referralId(), IncomingEvents.outcome(unknown, otherMeasures.referralId(), MIGRAINE,
                "PAIN_NUMERIC_RATING", BigDecimal.ONE, BigDecimal.TEN, TestClock.today()));
        awaitStored(unknown);
        benefit(otherMeasures.caseId()).body(item("met"), equalTo(false)).body(item("note"), nullValue());
    }

    @Test
    void shouldLeaveAStaffDecisionOnTheItemToStaff() {
        Opened c = reauthorization("AETNA");
        requirement(c.caseId(), "DOCUMENTED_BENEFIT", Map.of("met", true, "note", "payer accepted the neurologist's letter"))
                .statusCode(200);
        outcome(c.referralId(), DAYS, 15, 20, TestClock.today().minusDays(1));
        benefit(c.caseId()).body(item("met"), equalTo(true)).body(item("metBy"), equalTo("STAFF"))
                .body(item("note"), equalTo("payer accepted the neurologist's letter"));

        // Staff may still overrule an outcome's verdict the other way.
        Opened met = reauthorization("AETNA");
        outcome(met.referralId(), DAYS, 5, 20, TestClock.today().minusDays(1));
        benefit(met.caseId()).body(item("metBy"), equalTo("OUTCOME"));
        requirement(met.caseId(), "DOCUMENTED_BENEFIT", Map.of("met", false, "note", "diary incomplete")).statusCode(200)
                .body(item("met"), equalTo(false)).body(item("note"), equalTo("diary incomplete"));
    }
}
