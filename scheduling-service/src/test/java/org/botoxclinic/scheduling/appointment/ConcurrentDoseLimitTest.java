package org.botoxclinic.scheduling.appointment;

import static org.botoxclinic.scheduling.support.ParallelRequests.outcomes;
import static org.botoxclinic.scheduling.support.ParallelRequests.postTogether;
import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.clinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One patient, several referrals, every treatment recorded at the same instant: the 400 units per 84 days hold across
 * them, because completions for the same patient take turns, whether the patient is known by name and birth date only
 * or by patient ids that staff merged.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ConcurrentDoseLimitTest {

    private static final int REFERRALS = 6;
    private static final int UNITS_EACH = 100;
    private static final int MAX_UNITS = 400;
    private static final int ROUNDS = 3;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/api/appointments")
    URL appointments;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldNeverGiveOnePatientMoreThanTheLimitWhenReferralsCompleteTogether() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String patient = "Dose-" + UUID.randomUUID();
            LocalDate day = TestDates.clinicDay(4).plusDays(3 + round);
            clinicDay(day, REFERRALS * 30);
            List<UUID> completions = new ArrayList<>();
            for (int i = 0; i < REFERRALS; i++) {
                String indication = i % 2 == 0 ? "CHRONIC_MIGRAINE" : "CERVICAL_DYSTONIA";
                UUID referral = readyPlan(em, indication, TestDates.validFrom(), TestDates.validTo(), 2, 500, null, patient);
                completions.add(booked(referral, day));
            }
            TestClock.setToday(day);

            Map<String, Long> outcomes = completeTogether(completions);
            long given = unitsGiven(patient);
            System.out.printf("round %d: %d referrals of one patient completing %d units each at once: %s,"
                    + " units given %d (limit %d)%n", round + 1, REFERRALS, UNITS_EACH, outcomes, given, MAX_UNITS);

            assertEquals(MAX_UNITS, given, "units given to one patient within 84 days");
            assertEquals(Map.of("200", (long) MAX_UNITS / UNITS_EACH,
                    "422:DOSE_LIMIT_EXCEEDED", (long) REFERRALS - MAX_UNITS / UNITS_EACH), outcomes);
            TestClock.reset();
        }
    }

    /**
     * One person under two patient ids (a misspelled surname) that staff merged, plus plans from before patients had ids
     * under one of the names: all six referrals complete at once, and still no more than the limit is given.
     */
    @Test
    void shouldNeverGiveAMergedPatientMoreThanTheLimitAcrossIdsSpellingsAndOlderPlans() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID misspelled = UUID.randomUUID();
        String name = "Dose-" + UUID.randomUUID();
        String otherSpelling = "Dosey-" + UUID.randomUUID();
        LocalDate day = TestDates.clinicDay(4).plusDays(6);
        clinicDay(day, REFERRALS * 30);
        List<UUID> referrals = new ArrayList<>();
        for (int i = 0; i < REFERRALS; i++) {
            UUID patientId = i < 2 ? patient : i < 4 ? misspelled : null;
            String lastName = i >= 2 && i < 4 ? otherSpelling : name;
            String indication = i % 2 == 0 ? "CHRONIC_MIGRAINE" : "CERVICAL_DYSTONIA";
            referrals.add(readyPlan(em, indication, TestDates.validFrom(), TestDates.validTo(), 2, 500, null, lastName,
                    patientId));
        }
        UUID merge = UUID.randomUUID();
        KafkaProbe.send(kafka, "referral-events", patient.toString(),
                SampleEvents.patientMerged(patient, misspelled, List.of(), TestClock.now()),
                SampleEvents.headers(merge, "PatientMerged", "/referral-service", patient));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number)
                em.createNativeQuery("select count(*) from treatment_plan where patient_id = ?1")
                        .setParameter(1, patient).getSingleResult()).intValue()) == 4);
        List<UUID> completions = new ArrayList<>();
        for (UUID referral : referrals) {
            completions.add(booked(referral, day));
        }
        TestClock.setToday(day);

        Map<String, Long> outcomes = completeTogether(completions);
        long given = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select coalesce(sum(units_administered), 0) from appointment
                        where status = 'FULFILLED' and referral_id in (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, referrals.get(0)).setParameter(2, referrals.get(1)).setParameter(3, referrals.get(2))
                .setParameter(4, referrals.get(3)).setParameter(5, referrals.get(4)).setParameter(6, referrals.get(5))
                .getSingleResult()).longValue());
        System.out.printf("one merged patient, %d referrals (two ids, two spellings, two without an id) completing %d units"
                + " each at once: %s, units given %d (limit %d)%n", REFERRALS, UNITS_EACH, outcomes, given, MAX_UNITS);

        assertEquals(MAX_UNITS, given, "units given to one merged patient within 84 days");
        assertEquals(Map.of("200", (long) MAX_UNITS / UNITS_EACH,
                "422:DOSE_LIMIT_EXCEEDED", (long) REFERRALS - MAX_UNITS / UNITS_EACH), outcomes);
    }

    /** Completes every appointment from its own thread, all released at once; the outcomes by status and code. */
    private Map<String, Long> completeTogether(List<UUID> ids) throws Exception {
        String body = "{\"unitsAdministered\":%d,\"unitsWasted\":0}".formatted(UNITS_EACH);
        return outcomes(postTogether(ids.stream().map(id -> URI.create(appointments + "/" + id + "/complete")).toList(),
                body), 200);
    }

    private long unitsGiven(String lastName) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select coalesce(sum(a.units_administered), 0) from appointment a
                        join treatment_plan p on p.referral_id = a.referral_id
                        where p.patient_last_name = ?1 and a.status = 'FULFILLED'""")
                .setParameter(1, lastName).getSingleResult()).longValue());
    }
}
