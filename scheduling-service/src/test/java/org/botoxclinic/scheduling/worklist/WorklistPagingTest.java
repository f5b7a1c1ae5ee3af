package org.botoxclinic.scheduling.worklist;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's queues read page by page: the order holds across ties and page boundaries (including the one between
 * plans eligible today and plans eligible later), each entry shows what the plan on its own shows, and every plan
 * listed is audited once per page.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class WorklistPagingTest {

    @Inject
    EntityManager em;

    private LocalDate today;

    @BeforeEach
    void startOfTheDay() {
        TestClock.reset();
        today = TestDates.startDay();
    }

    @Test
    void shouldListReadyPlansEligibleTodayByReferralThenLaterOnesByDateAcrossPages() {
        String name = "Paging-" + UUID.randomUUID();
        // Eligible today: the window is open and no treatment yet, or the last one 84 days or more ago.
        List<UUID> now = List.of(
                plan(name, today.minusDays(10), today.plusDays(100), 4, null),
                plan(name, today.minusDays(10), today.plusDays(100), 4, null),
                plan(name, today.minusDays(200), today.plusDays(100), 4, today.minusDays(TreatmentCadence.MINIMUM_DAYS_BETWEEN_TREATMENTS)),
                plan(name, today, today.plusDays(100), 4, null));
        // Eligible on one later day for two reasons (window opens, cadence ends): a tie broken by the referral.
        LocalDate later = today.plusDays(5);
        List<UUID> onLater = List.of(
                plan(name, later, today.plusDays(100), 4, null),
                plan(name, today.minusDays(30), today.plusDays(100), 4, later.minusDays(TreatmentCadence.MINIMUM_DAYS_BETWEEN_TREATMENTS)),
                plan(name, later, today.plusDays(100), 4, null));
        UUID beyondDue = plan(name, today.minusDays(30), today.plusDays(200), 4, today.minusDays(40));   // today + 44
        // Not listed: eligible only after the window ends, window over, no visits left, booked.
        UUID afterWindow = plan(name, today.minusDays(30), today.plusDays(20), 4, today.minusDays(10));
        UUID windowOver = plan(name, today.minusDays(100), today.minusDays(1), 4, null);
        UUID usedUp = plan(name, today.minusDays(10), today.plusDays(100), 1, null);
        sql("update treatment_plan set visits_used = 1 where referral_id = '" + usedUp + "'");
        UUID scheduled = plan(name, today.minusDays(10), today.plusDays(100), 4, null);
        sql("update treatment_plan set status = 'SCHEDULED' where referral_id = '" + scheduled + "'");

        List<UUID> expected = new ArrayList<>(sorted(now));
        expected.addAll(sorted(onLater));
        expected.add(beyondDue);
        List<UUID> expectedDue = expected.subList(0, expected.size() - 1);
        Set<UUID> mine = Set.copyOf(Stream.of(expected, List.of(afterWindow, windowOver, usedUp, scheduled))
                .flatMap(List::stream).toList());

        for (int limit : new int[] {1, 2, 3, 50}) {
            List<Map<String, Object>> ready = ours(Fixtures.allPages("/api/worklist?kind=ready-to-schedule", limit), mine);
            assertEquals(expected, ids(ready), "ready-to-schedule, pages of " + limit);
            assertEquals(expectedDue, ids(ours(Fixtures.allPages("/api/worklist?kind=due", limit), mine)),
                    "due, pages of " + limit);
        }
        List<Map<String, Object>> ready = ours(Fixtures.allPages("/api/worklist?kind=ready-to-schedule", 4), mine);
        for (Map<String, Object> entry : ready) {
            UUID referral = UUID.fromString((String) entry.get("referralId"));
            Map<?, ?> listed = (Map<?, ?>) entry.get("plan");
            String eligible = (String) listed.get("nextEligibleDate");
            LocalDate expectedDate = now.contains(referral) ? today : onLater.contains(referral) ? later : today.plusDays(44);
            assertEquals(expectedDate.toString(), eligible, "next eligible date of " + referral);
            // The page's clinic-day suggestions, worked out for all its plans at once, are the plan's own.
            Map<String, Object> alone = scheduler().get("/api/treatment-plans/" + referral).then().statusCode(200)
                    .extract().jsonPath().getMap("$");
            assertEquals(alone.get("suggestedClinicDay"), listed.get("suggestedClinicDay"), "suggestion for " + referral);
            assertEquals(alone.get("nextEligibleDate"), eligible);
        }
        // The rule's clinic days lie inside every window listed, so the comparison above is not of nothing with nothing.
        assertTrue(ready.stream().anyMatch(e -> ((Map<?, ?>) e.get("plan")).get("suggestedClinicDay") != null), ready::toString);
    }

    @Test
    void shouldListAuthorizationsEndingByEndOfWindowThenReferralAcrossPages() {
        String name = "Ending-" + UUID.randomUUID();
        LocalDate end = today.plusDays(20);
        List<UUID> sameEnd = List.of(
                plan(name, today.minusDays(30), end, 4, null),
                plan(name, today.minusDays(30), end, 4, today.minusDays(10)),
                plan(name, today.minusDays(30), end, 4, null));
        UUID endingFirst = plan(name, today.minusDays(30), today.plusDays(3), 4, null);
        UUID endingLast = plan(name, today.minusDays(30), today.plusDays(45), 4, null);
        UUID scheduled = plan(name, today.minusDays(30), today.plusDays(30), 4, null);
        sql("update treatment_plan set status = 'SCHEDULED' where referral_id = '" + scheduled + "'");
        UUID tooLate = plan(name, today.minusDays(30), today.plusDays(46), 4, null);
        UUID usedUp = plan(name, today.minusDays(30), today.plusDays(10), 1, null);
        sql("update treatment_plan set visits_used = 1 where referral_id = '" + usedUp + "'");

        List<UUID> expected = new ArrayList<>(List.of(endingFirst));
        expected.addAll(sorted(sameEnd));
        expected.add(scheduled);
        expected.add(endingLast);
        Set<UUID> mine = Set.copyOf(Stream.concat(expected.stream(), Stream.of(tooLate, usedUp)).toList());
        for (int limit : new int[] {1, 2, 4}) {
            assertEquals(expected, ids(ours(Fixtures.allPages("/api/worklist?kind=authorization-ending", limit), mine)),
                    "authorization-ending, pages of " + limit);
        }
    }

    @Test
    void shouldAuditEveryPlanOnAPageOnceInThePagesOrder() {
        String name = "Audit-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            plan(name, today.minusDays(10), today.plusDays(30), 4, null);
        }
        List<Map<String, Object>> page = scheduler().queryParam("limit", 3).get("/api/worklist?kind=authorization-ending")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(3, page.size());
        long previous = 0;
        for (Map<String, Object> entry : page) {
            String referral = (String) entry.get("referralId");
            List<Map<String, Object>> reads = given().auth().oauth2(DevTokens.forGroup("admin"))
                    .queryParam("referralId", referral).get("/api/audit").then().statusCode(200)
                    .extract().jsonPath().getList("items.findAll { it.action == 'READ' && it.resourceType == 'treatment-plan' }");
            Map<String, Object> last = reads.get(reads.size() - 1);
            assertEquals(referral, last.get("resourceId"));
            assertEquals(referral, last.get("referralId"));
            assertEquals("scheduler-user", last.get("actor"));
            long id = ((Number) last.get("id")).longValue();
            assertTrue(id > previous, "entries follow the page's order");
            previous = id;
        }
    }

    private UUID plan(String lastName, LocalDate validFrom, LocalDate validTo, int visits, LocalDate lastTreatment) {
        return readyPlan(em, "CHRONIC_MIGRAINE", validFrom, validTo, visits, 310, lastTreatment, lastName);
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
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
