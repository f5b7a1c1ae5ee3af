package org.botoxclinic.scheduling.appointment;

import static org.botoxclinic.scheduling.support.ParallelRequests.outcomes;
import static org.botoxclinic.scheduling.support.ParallelRequests.postTogether;
import static org.botoxclinic.scheduling.support.Fixtures.clinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.sql.SQLException;
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
import org.junit.jupiter.api.Test;

/** Several schedulers press "book" at the same instant; the database decides, and never wrongly. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ConcurrentBookingTest {

    private static final int PARALLEL = 8;

    @TestHTTPResource("/api/appointments")
    URL appointments;

    @Inject
    EntityManager em;

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    @Test
    void shouldNeverBookMoreChairMinutesThanTheDayHas() throws Exception {
        LocalDate day = TestDates.clinicDay(3).plusDays(1);
        clinicDay(day, 90);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            bodies.add("{\"referralId\":\"%s\",\"date\":\"%s\"}".formatted(readyPlan(em), day));
        }

        Map<String, Long> outcomes = outcomes(postTogether(URI.create(appointments.toString()), bodies), 201);

        assertEquals(Map.of("201", 3L, "422:CLINIC_DAY_FULL", 5L), outcomes);
        assertEquals(90, count("select coalesce(sum(duration_minutes), 0) from appointment where clinic_date = ?1", day));
    }

    @Test
    void shouldNeverBookOneReferralTwice() throws Exception {
        UUID referral = readyPlan(em);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            LocalDate day = TestDates.clinicDay(3).plusDays(2 + i);
            clinicDay(day, 120);
            bodies.add("{\"referralId\":\"%s\",\"date\":\"%s\"}".formatted(referral, day));
        }

        Map<String, Long> outcomes = outcomes(postTogether(URI.create(appointments.toString()), bodies), 201);

        assertEquals(1L, outcomes.get("201"), outcomes::toString);
        assertEquals(PARALLEL - 1L, outcomes.getOrDefault("422:ALREADY_BOOKED", 0L), outcomes::toString);
        assertEquals(1, count("select count(*) from appointment where referral_id = ?1", referral));
        assertTrue(outcomes.keySet().stream().allMatch(k -> k.equals("201") || k.equals("422:ALREADY_BOOKED")),
                outcomes::toString);
    }

    @Test
    void shouldHaveTheDatabaseRefuseASecondOpenAppointmentWhateverTheCode() throws Exception {
        UUID referral = readyPlan(em);
        LocalDate day = TestDates.clinicDay(3).plusDays(12);
        clinicDay(day, 120);
        String insert = """
                insert into appointment (id, referral_id, clinic_date, duration_minutes, status, created_at, updated_at,
                                         start_time, chair, provider_id)
                values (gen_random_uuid(), ?1, ?2, 30, 'BOOKED', now(), now(), time '09:00', 'chair-1', 'injector-1')""";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(insert).setParameter(1, referral)
                .setParameter(2, day).executeUpdate());

        Exception refused = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery(insert).setParameter(1, referral).setParameter(2, day).executeUpdate()));
        Throwable cause = refused;
        while (cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        assertEquals("23505", ((SQLException) cause).getSQLState());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update appointment set status = 'CANCELLED' where referral_id = ?1").setParameter(1, referral).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(insert).setParameter(1, referral)
                .setParameter(2, day).executeUpdate());
        assertEquals(2, count("select count(*) from appointment where referral_id = ?1", referral));
    }
}
