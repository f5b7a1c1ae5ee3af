package org.botoxclinic.scheduling.worklist;

import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.plan.domain.TreatmentCadence;
import org.botoxclinic.scheduling.support.Fixtures;
import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The non-responders list: patients treated at least twice whose latest primary-measure outcome, assessed after the
 * second treatment, improved by less than 30 % (the default) of the baseline; least improved first, page by page.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class NonRespondersWorklistTest {

    private static final String LIST = "/api/worklist?kind=non-responders";

    @Inject
    EntityManager em;

    private LocalDate today;

    @BeforeEach
    void startOfTheDay() {
        TestClock.reset();
        today = TestDates.startDay();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /**
     * A cervical dystonia plan accepted 300 days ago with a TWSTRS baseline (or none), treated the given number of
     * times, the second 30 days ago.
     */
    private UUID treated(Integer baseline, int treatments) {
        UUID referral = readyPlan(em, "CERVICAL_DYSTONIA", TestDates.validFrom(), TestDates.validTo(), 4, 800, null);
        sql("""
                update treatment_plan set baseline_measure = cast(?2 as text), baseline_value = cast(?3 as numeric),
                    accepted_at = ?4, treatments_completed = ?5, second_treatment_date = cast(?6 as date)
                where referral_id = ?1""",
                referral, baseline == null ? null : "TWSTRS_TOTAL", baseline == null ? null : baseline.toString(),
                TestClock.now().minusDays(300), treatments, treatments >= 2 ? today.minusDays(30).toString() : null);
        return referral;
    }

    private void outcome(UUID referral, LocalDate assessedOn, int value) {
        scheduler().body("{\"assessedOn\":\"%s\",\"measure\":\"TWSTRS_TOTAL\",\"value\":%d}".formatted(assessedOn, value))
                .post("/api/treatment-plans/{id}/outcomes", referral).then().statusCode(201);
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

    @Test
    void shouldListPatientsImprovedByLessThanThirtyPercentAfterTwoTreatmentsLeastImprovedFirst() {
        LocalDate after = today.minusDays(5);
        UUID justBelow = treated(77, 2);            // 77 -> 54: 29.9 %
        outcome(justBelow, after, 54);
        UUID atThreshold = treated(70, 2);          // 70 -> 49: 30.0 %
        outcome(atThreshold, after, 49);
        UUID onceOnly = treated(77, 1);             // 29.9 % after one treatment: not judged yet
        outcome(onceOnly, after, 54);
        UUID worse = treated(70, 2);                // 70 -> 80: -14.3 %
        outcome(worse, after, 80);
        UUID tiedA = treated(70, 3);                // 70 -> 63: 10.0 %, twice: by referral
        outcome(tiedA, after, 63);
        UUID tiedB = treated(70, 2);
        outcome(tiedB, after, 63);
        UUID noBaseline = treated(null, 2);
        outcome(noBaseline, after, 80);
        UUID onTheDay = treated(70, 2);             // assessed the day of the second treatment: before the injection
        outcome(onTheDay, today.minusDays(30), 70);
        UUID respondedLater = treated(70, 2);       // a poor result, then a good one: the latest counts
        outcome(respondedLater, today.minusDays(20), 65);
        outcome(respondedLater, after, 20);
        UUID backDated = treated(70, 2);            // a good latest result, then an older poor one recorded late
        outcome(backDated, after, 21);
        outcome(backDated, today.minusDays(20), 65);
        UUID cancelled = treated(77, 2);
        outcome(cancelled, after, 54);
        sql("update treatment_plan set status = 'CANCELLED' where referral_id = ?1", cancelled);

        List<UUID> expected = new ArrayList<>(List.of(worse));
        expected.addAll(sorted(List.of(tiedA, tiedB)));
        expected.add(justBelow);
        Set<UUID> mine = Set.copyOf(Stream.concat(expected.stream(),
                Stream.of(atThreshold, onceOnly, noBaseline, onTheDay, respondedLater, backDated, cancelled)).toList());
        for (int limit : new int[] {1, 2, 3, 50}) {
            assertEquals(expected, ids(ours(Fixtures.allPages(LIST, limit), mine)), "non-responders, pages of " + limit);
        }
        List<Map<String, Object>> entries = ours(Fixtures.allPages(LIST, 50), mine);
        assertEquals(List.of(-14.3f, 10.0f, 10.0f, 29.9f), entries.stream()
                .map(e -> ((Map<?, ?>) e.get("plan")).get("improvementAfterSecondTreatment")).toList());
        assertEquals(29.9f, ((Map<?, ?>) ((Map<?, ?>) entries.get(3).get("plan")).get("changeFromBaseline")).get("improvementPercent"));
        scheduler().get("/api/treatment-plans/" + atThreshold).then().body("improvementAfterSecondTreatment", equalTo(30.0f));
        scheduler().get("/api/treatment-plans/" + onceOnly).then().body("improvementAfterSecondTreatment", equalTo(null))
                .body("changeFromBaseline.improvementPercent", equalTo(29.9f));

        // A second assessment after the second treatment moves the patient out of the list.
        outcome(justBelow, after.plusDays(1), 53);
        assertEquals(List.of(worse), ids(ours(Fixtures.allPages(LIST, 50), Set.of(worse, justBelow))));
        scheduler().queryParam("kind", "non-responders").queryParam("cursor", "not-a-cursor").get("/api/worklist").then()
                .statusCode(400);
    }

    @Test
    void shouldJudgeAPatientTreatedTwiceThroughTheClinicDay() {
        LocalDate firstClinic = TestDates.clinicDay(1);
        LocalDate secondClinic = TestDates.firstClinicDayFrom(firstClinic.plusDays(TreatmentCadence.MINIMUM_DAYS_BETWEEN_TREATMENTS));
        UUID referral = readyPlan(em, "CHRONIC_MIGRAINE", TestDates.validFrom(), secondClinic.plusDays(30), 2, 400, null);
        sql("update treatment_plan set baseline_measure = 'HEADACHE_DAYS_PER_MONTH', baseline_value = 20 where referral_id = ?1",
                referral);
        String units = "{\"unitsAdministered\":155,\"unitsWasted\":0}";
        UUID first = booked(referral, firstClinic);
        TestClock.setToday(firstClinic);
        scheduler().body(units).post("/api/appointments/" + first + "/complete").then().statusCode(200);
        scheduler().body("{\"assessedOn\":\"%s\",\"measure\":\"HEADACHE_DAYS_PER_MONTH\",\"value\":18}".formatted(firstClinic.plusDays(1)))
                .post("/api/treatment-plans/{id}/outcomes", referral);
        TestClock.setToday(firstClinic.plusDays(2));
        UUID second = booked(referral, secondClinic);
        TestClock.setToday(secondClinic);
        scheduler().body(units).post("/api/appointments/" + second + "/complete").then().statusCode(200);
        assertEquals(List.of(), ids(ours(Fixtures.allPages(LIST, 50), Set.of(referral))), "the only outcome predates the second");

        TestClock.setToday(secondClinic.plusDays(28));
        scheduler().body("{\"assessedOn\":\"%s\",\"measure\":\"HEADACHE_DAYS_PER_MONTH\",\"value\":15}".formatted(secondClinic.plusDays(28)))
                .post("/api/treatment-plans/{id}/outcomes", referral).then().statusCode(201);
        scheduler().get("/api/treatment-plans/" + referral).then().body("treatmentsCompleted", equalTo(2))
                .body("improvementAfterSecondTreatment", equalTo(25.0f));
        assertEquals(List.of(referral), ids(ours(Fixtures.allPages(LIST, 50), Set.of(referral))));
        assertEquals(new BigDecimal("2"), QuarkusTransaction.requiringNew().call(() -> new BigDecimal(em.createNativeQuery(
                "select treatments_completed from treatment_plan where referral_id = ?1").setParameter(1, referral)
                .getSingleResult().toString())));
    }

    /** In PostgreSQL's uuid order: bytewise, i.e. the order of the hexadecimal text. */
    private static List<UUID> sorted(List<UUID> ids) {
        return ids.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    private static List<Map<String, Object>> ours(List<Map<String, Object>> entries, Set<UUID> mine) {
        return entries.stream().filter(e -> mine.contains(UUID.fromString((String) e.get("referralId")))).toList();
    }

    private static List<UUID> ids(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> UUID.fromString((String) e.get("referralId"))).toList();
    }
}
