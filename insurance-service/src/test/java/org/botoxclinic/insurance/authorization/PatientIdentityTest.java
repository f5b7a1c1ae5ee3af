package org.botoxclinic.insurance.authorization;

import static org.awaitility.Awaitility.await;
import static org.botoxclinic.insurance.authorization.Fixtures.approve;
import static org.botoxclinic.insurance.authorization.Fixtures.get;
import static org.botoxclinic.insurance.authorization.Fixtures.post;
import static org.botoxclinic.insurance.authorization.Fixtures.requirement;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** referral-service's patient id on every case and every event published, following patient merges. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class PatientIdentityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    CaseSupport cases;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    private String accepted(UUID referralId, UUID patientId) {
        IncomingEvents.sendReferralEvent(kafka, "ReferralAccepted", referralId.toString(),
                IncomingEvents.referralAccepted(referralId, patientId, "CHRONIC_MIGRAINE", "AETNA",
                        Fixtures.FULL_MIGRAINE_DETAILS));
        return Fixtures.awaitCase(referralId);
    }

    private void merged(UUID survivor, UUID merged, List<UUID> referrals) {
        IncomingEvents.sendReferralEvent(kafka, "PatientMerged", survivor.toString(),
                IncomingEvents.patientMerged(survivor, merged, referrals));
    }

    private JsonNode published(String type, UUID referralId) throws Exception {
        try (KafkaProbe probe = new KafkaProbe(kafka, "authorization-events")) {
            ConsumerRecord<String, String> record = probe.awaitType(type, referralId.toString(), WAIT);
            EventContract.assertValid(type, record.value());
            return JSON.readTree(record.value());
        }
    }

    @Test
    void shouldKeepThePatientIdOfTheAcceptedReferralAndPublishItOnEveryEvent() throws Exception {
        UUID referralId = UUID.randomUUID();
        UUID patientId = UUID.randomUUID();
        String caseId = accepted(referralId, patientId);
        get(caseId).body("patientId", equalTo(patientId.toString()));

        requirement(caseId, "SPECIALIST_PRESCRIBER", Map.of("met", true)).statusCode(200);
        post(caseId, "submit", Map.of("channel", "PORTAL", "expedited", false)).statusCode(200);
        LocalDate from = TestClock.today().plusDays(1);
        approve(caseId, "AUTH-P1", 310, 2, from, from.plusMonths(6)).statusCode(200);
        assertEquals(patientId.toString(), published("AuthorizationSubmitted", referralId).path("patientId").asText());
        assertEquals(patientId.toString(), published("AuthorizationApproved", referralId).path("patientId").asText());

        String next = cases.openReauthorization(caseId);
        get(next).body("patientId", equalTo(patientId.toString()));
        assertEquals(patientId.toString(), published("ReauthorizationRequired", referralId).path("patientId").asText());
    }

    @Test
    void shouldPublishANullPatientIdForACaseFromBeforePatientIds() throws Exception {
        UUID referralId = UUID.randomUUID();
        Fixtures.deliverAccepted(kafka, referralId, "CHRONIC_MIGRAINE", "AETNA", Fixtures.FULL_MIGRAINE_DETAILS);
        String caseId = Fixtures.awaitCase(referralId);
        get(caseId).body("patientId", nullValue());
        requirement(caseId, "SPECIALIST_PRESCRIBER", Map.of("met", true)).statusCode(200);
        post(caseId, "submit", Map.of("channel", "PORTAL", "expedited", false)).statusCode(200);
        post(caseId, "decision", Map.of("outcome", "DENIED", "denialReason", "not medically necessary")).statusCode(200);
        assertTrue(published("AuthorizationDenied", referralId).path("patientId").isNull());
    }

    @Test
    void shouldFileCasesUnderTheSurvivingPatientThroughMergesChainsAndLateAcceptances() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        String firstCase = accepted(first, a);
        UUID withoutId = UUID.randomUUID();
        String withoutIdCase = cases.open("CHRONIC_MIGRAINE", "AETNA", null).caseId();
        UUID withoutIdReferral = UUID.fromString(get(withoutIdCase).extract().path("referralId"));

        merged(b, a, List.of(first, withoutIdReferral));
        await().atMost(WAIT).untilAsserted(() -> get(firstCase).body("patientId", equalTo(b.toString())));
        get(withoutIdCase).body("patientId", equalTo(b.toString()));
        // The same merge again changes nothing.
        merged(b, a, List.of(first, withoutIdReferral));

        // An acceptance published before the merge, consumed after it, is filed under the survivor.
        UUID late = UUID.randomUUID();
        get(accepted(late, a)).body("patientId", equalTo(b.toString()));

        // A chain: B merged into C takes A's cases along.
        merged(c, b, List.of());
        await().atMost(WAIT).untilAsserted(() -> get(firstCase).body("patientId", equalTo(c.toString())));
        get(Fixtures.awaitCase(late)).body("patientId", equalTo(c.toString()));
        get(accepted(UUID.randomUUID(), a)).body("patientId", equalTo(c.toString()));
        // Re-filed twice (A into B, B into C); the redelivered merge re-filed nothing.
        assertEquals(2, cases.count("select count(*) from audit_entry where action = 'MERGE_PATIENT' and resource_id = '"
                + withoutIdCase + "'"));
        assertEquals(2, cases.count("select count(*) from patient_alias where patient_id = '" + c + "' and merged_patient_id in ('"
                + a + "', '" + b + "')"));
    }

    @Test
    void shouldResolveAChainWhoseMergesArriveInReverseOrder() {
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        UUID z = UUID.randomUUID();
        merged(z, y, List.of());
        merged(y, x, List.of());
        await().atMost(WAIT).until(() -> cases.count("select count(*) from patient_alias where merged_patient_id = '" + x
                + "'") == 1);
        get(accepted(UUID.randomUUID(), x)).body("patientId", equalTo(z.toString()));
    }

    @Test
    void shouldParkAMergeThatWouldMakeAPatientItsOwnAlias() {
        UUID p = UUID.randomUUID();
        UUID q = UUID.randomUUID();
        merged(q, p, List.of());
        merged(p, q, List.of());
        try (KafkaProbe probe = new KafkaProbe(kafka, "insurance-service.referral-events.dlq")) {
            probe.await(r -> p.toString().equals(r.key()), WAIT);
        }
        assertEquals(0, cases.count("select count(*) from patient_alias where merged_patient_id = '" + q + "'"));
    }
}
