package org.botoxclinic.scheduling.clinicday;

import static org.botoxclinic.scheduling.support.ParallelRequests.outcomes;
import static org.botoxclinic.scheduling.support.ParallelRequests.postTogether;
import static org.botoxclinic.scheduling.clinicday.TimedBookingTest.day;
import static org.botoxclinic.scheduling.support.Fixtures.clinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Twenty schedulers book onto one day at the same instant: no chair and no injector is ever held twice at once, as the
 * database itself confirms afterwards; and the database refuses an overlap written behind the service's back.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ParallelSlotBookingTest {

    private static final int PARALLEL = 20;

    /** Pairs of open appointments of one day sharing a chair or an injector at some minute. */
    private static final String OVERLAPS = """
            select count(*) from appointment a join appointment b on a.id < b.id and a.clinic_date = b.clinic_date
             where a.clinic_date = ?1 and a.status in ('BOOKED', 'CHECKED_IN') and b.status in ('BOOKED', 'CHECKED_IN')
               and (a.chair = b.chair or a.provider_id = b.provider_id)
               and a.start_time < b.start_time + make_interval(mins => b.duration_minutes)
               and b.start_time < a.start_time + make_interval(mins => a.duration_minutes)""";

    @TestHTTPResource("/api/appointments")
    URL appointments;

    @Inject
    EntityManager em;

    private long count(String sql, LocalDate date) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, date).getSingleResult()).longValue());
    }

    private String body(LocalDate date, String extra) {
        return "{\"referralId\":\"%s\",\"date\":\"%s\"%s}".formatted(readyPlan(em), date, extra);
    }

    @Test
    void shouldNeverDoubleBookAChairOrAnInjectorWhenTwentyBookAtOnce() throws Exception {
        LocalDate date = day(8);
        clinicDay(date, 720);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            // A third ask for 13:00 (two chairs and injectors: two get it); the others take the first free slot, which
            // for thirteen of them on two chairs never reaches 13:00, whatever the order they are served in.
            bodies.add(body(date, i % 3 == 0 ? ",\"startTime\":\"13:00\"" : ""));
        }

        Map<String, Long> outcomes = outcomes(postTogether(URI.create(appointments.toString()), bodies), 201);
        System.out.printf("%d bookings at once onto one day (2 chairs, 2 injectors, 7 asking for 13:00): %s%n",
                PARALLEL, outcomes);

        assertEquals(Map.of("201", 15L, "409:SLOT_UNAVAILABLE", 5L), outcomes);
        assertEquals(0, count(OVERLAPS, date));
        assertEquals(15, count("select count(*) from appointment where clinic_date = ?1 and status = 'BOOKED'", date));
        assertEquals(2, count("select count(*) from appointment where clinic_date = ?1 and start_time = time '13:00'", date));
    }

    @Test
    void shouldFillATightDayExactlyAndRefuseTheRestWhenTwentyBookAtOnce() throws Exception {
        LocalDate date = day(9);
        clinicDay(date, 720);
        // One chair 09:00-11:00 and two injectors: four 30-minute slots, whoever asks first.
        scheduler().body("""
                {"chairs":[{"id":"chair-1","from":"09:00","to":"11:00"}],
                 "providers":[{"id":"injector-1","from":"09:00","to":"11:00"},{"id":"injector-2","from":"09:00","to":"11:00"}]}""")
                .put("/api/clinic-days/" + date + "/resources").then().statusCode(200);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            bodies.add(body(date, ""));
        }

        Map<String, Long> outcomes = outcomes(postTogether(URI.create(appointments.toString()), bodies), 201);
        System.out.printf("%d bookings at once onto a day of four slots: %s%n", PARALLEL, outcomes);

        assertEquals(Map.of("201", 4L, "422:CLINIC_DAY_FULL", 16L), outcomes);
        assertEquals(0, count(OVERLAPS, date));
        assertEquals(120, count("select sum(duration_minutes) from appointment where clinic_date = ?1", date));
    }

    @Test
    void shouldHaveTheDatabaseRefuseAnOverlapWrittenBehindTheServicesBack() {
        LocalDate date = day(10);
        clinicDay(date, 720);
        String insert = """
                insert into appointment (id, referral_id, clinic_date, duration_minutes, status, created_at, updated_at,
                                         start_time, chair, provider_id)
                values (gen_random_uuid(), ?1, ?2, 30, ?3, now(), now(), cast(?4 as time), ?5, ?6)""";
        record Row(String status, String start, String chair, String provider) {
        }
        java.util.function.Function<Row, Integer> write = row -> QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery(insert).setParameter(1, readyPlan(em)).setParameter(2, date)
                .setParameter(3, row.status()).setParameter(4, row.start()).setParameter(5, row.chair())
                .setParameter(6, row.provider()).executeUpdate());

        write.apply(new Row("BOOKED", "10:00", "chair-1", "injector-1"));
        // Touching: 09:30-10:00 and 10:30-11:00 on the same chair and injector.
        write.apply(new Row("BOOKED", "09:30", "chair-1", "injector-1"));
        write.apply(new Row("CHECKED_IN", "10:30", "chair-1", "injector-1"));
        // Overlapping, but cancelled or elsewhere.
        write.apply(new Row("CANCELLED", "10:15", "chair-1", "injector-1"));
        write.apply(new Row("BOOKED", "10:15", "chair-2", "injector-2"));

        assertEquals("23P01", sqlState(() -> write.apply(new Row("BOOKED", "10:29", "chair-1", "injector-9"))),
                "the same chair one minute into the next appointment");
        assertEquals("23P01", sqlState(() -> write.apply(new Row("BOOKED", "09:59", "chair-9", "injector-1"))),
                "the same injector one minute before the previous ends");
        assertEquals("23514", sqlState(() -> write.apply(new Row("BOOKED", "23:45", "chair-3", "injector-3"))),
                "past midnight");
        assertEquals(0, count(OVERLAPS, date));
    }

    private static String sqlState(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    return sql.getSQLState();
                }
            }
            throw e;
        }
        throw new AssertionError("the database accepted it");
    }
}
