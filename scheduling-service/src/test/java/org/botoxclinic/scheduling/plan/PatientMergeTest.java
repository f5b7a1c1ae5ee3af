package org.botoxclinic.scheduling.plan;

import static org.awaitility.Awaitility.await;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * PatientMerged from referral-service, published here as the contract describes it (keyed by the surviving patient id):
 * the merged patient's plans are re-keyed, chains of merges resolve to the last survivor in whichever order they arrive,
 * later events naming a merged id land on the survivor, and a merge delivered again changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class PatientMergeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    @Test
    void shouldResolveAChainOfMergesToTheLastSurvivorAndKeyLaterAcceptancesOnIt() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID planA = plan(a);
        UUID planB = plan(b);
        UUID planC = plan(c);

        UUID first = merge(b, a, List.of(planA));
        awaitProcessed(first);
        assertEquals(Map.of(planA, b, planB, b, planC, c), patientsOf(planA, planB, planC));
        UUID second = merge(c, b, List.of(planA, planB));
        awaitProcessed(second);
        assertEquals(Map.of(planA, c, planB, c, planC, c), patientsOf(planA, planB, planC));
        assertEquals(Map.of(a, c, b, c), aliasesOf(a, b, c));

        // An acceptance published before the merges, naming the first id, arrives after them.
        UUID late = UUID.randomUUID();
        send(late, "ReferralAccepted", SampleEvents.referralAcceptedFor(late, a, "CHRONIC_MIGRAINE", "Alex", "Chain"));
        await().atMost(WAIT).untilAsserted(() -> scheduler().get("/api/treatment-plans/" + late).then()
                .statusCode(200).body("patientId", equalTo(c.toString())));
    }

    @Test
    void shouldResolveAChainWhoseMergesArriveInTheOtherOrder() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID planA = plan(a);
        UUID planB = plan(b);

        awaitProcessed(merge(c, b, List.of(planB)));
        awaitProcessed(merge(b, a, List.of(planA)));

        assertEquals(Map.of(planA, c, planB, c), patientsOf(planA, planB));
        assertEquals(Map.of(a, c, b, c), aliasesOf(a, b, c));
    }

    @Test
    void shouldChangeNothingWhenTheMergeIsDeliveredAgain() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        UUID moved = plan(merged);
        // A referral moved in the merge whose plan has no patient id yet (from before patients had ids).
        UUID older = readyPlan(em, "CERVICAL_DYSTONIA", TestDates.validFrom(), TestDates.validTo(), 2, 310, null,
                "Merge-" + UUID.randomUUID(), null);
        String payload = SampleEvents.patientMerged(survivor, merged, List.of(moved, older), TestClock.now());
        UUID eventId = UUID.randomUUID();

        publish(eventId, survivor, payload);
        awaitProcessed(eventId);
        assertEquals(Map.of(moved, survivor, older, survivor), patientsOf(moved, older));
        long auditEntries = auditEntries(merged, moved, older);
        assertEquals(3, auditEntries, "one MERGE of the patient, one UPDATE per re-keyed plan");
        int versions = versions(moved, older);

        // The same record again (same ce_id), then the same merge republished under a new ce_id, behind it.
        publish(eventId, survivor, payload);
        UUID republished = UUID.randomUUID();
        publish(republished, survivor, payload);
        awaitProcessed(republished);

        assertEquals(1, processed(eventId));
        assertEquals(Map.of(moved, survivor, older, survivor), patientsOf(moved, older));
        assertEquals(Map.of(merged, survivor), aliasesOf(merged, survivor));
        assertEquals(auditEntries, auditEntries(merged, moved, older));
        assertEquals(versions, versions(moved, older));
    }

    @Test
    void shouldParkAMergeOfAPatientMergedIntoSomeoneElseBefore() {
        UUID merged = UUID.randomUUID();
        UUID firstSurvivor = UUID.randomUUID();
        UUID plan = plan(merged);
        awaitProcessed(merge(firstSurvivor, merged, List.of(plan)));

        UUID conflicting = merge(UUID.randomUUID(), merged, List.of(plan));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1L, count(
                "select count(*) from dead_letter where event_id = ?1 and reason like '%CONFLICTING_MERGE%'", conflicting)));
        assertEquals(Map.of(plan, firstSurvivor), patientsOf(plan));
        assertEquals(Map.of(merged, firstSurvivor), aliasesOf(merged));
    }

    private UUID plan(UUID patientId) {
        return readyPlan(em, "CHRONIC_MIGRAINE", TestDates.validFrom(), TestDates.validTo(), 2, 310, null,
                "Merge-" + UUID.randomUUID(), patientId);
    }

    /** Publishes PatientMerged and returns its event id. */
    private UUID merge(UUID survivor, UUID merged, List<UUID> referralIds) {
        UUID eventId = UUID.randomUUID();
        publish(eventId, survivor, SampleEvents.patientMerged(survivor, merged, referralIds, TestClock.now()));
        return eventId;
    }

    private void publish(UUID eventId, UUID survivor, String payload) {
        KafkaProbe.send(kafka, "referral-events", survivor.toString(), payload,
                SampleEvents.headers(eventId, "PatientMerged", "/referral-service", survivor));
    }

    private void send(UUID referralId, String type, String payload) {
        EventContract.assertValid(type, payload);
        KafkaProbe.send(kafka, "referral-events", referralId.toString(), payload,
                SampleEvents.headers(UUID.randomUUID(), type, "/referral-service", referralId));
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, processed(eventId)));
    }

    private int processed(UUID eventId) {
        return (int) count("select count(*) from processed_event where consumer = 'scheduling-service' and event_id = ?1",
                eventId);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    private Map<UUID, UUID> patientsOf(UUID... referralIds) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select p.referralId, p.patientId from TreatmentPlan p where p.referralId in :ids", Object[].class)
                .setParameter("ids", List.of(referralIds)).getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (UUID) row[1])));
    }

    private Map<UUID, UUID> aliasesOf(UUID... patientIds) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select a.mergedPatientId, a.patientId from PatientAlias a where a.mergedPatientId in :ids",
                        Object[].class)
                .setParameter("ids", List.of(patientIds)).getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (UUID) row[1])));
    }

    private long auditEntries(UUID mergedPatient, UUID... referralIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from audit_entry
                        where (resource_type = 'patient' and action = 'MERGE' and resource_id = ?1)
                           or (resource_type = 'treatment-plan' and action = 'UPDATE' and resource_id in (?2, ?3))""")
                .setParameter(1, mergedPatient.toString())
                .setParameter(2, referralIds[0].toString())
                .setParameter(3, referralIds[1].toString())
                .getSingleResult()).longValue());
    }

    private int versions(UUID... referralIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select sum(version) from treatment_plan where referral_id in (?1, ?2)")
                .setParameter(1, referralIds[0]).setParameter(2, referralIds[1]).getSingleResult()).intValue());
    }
}
