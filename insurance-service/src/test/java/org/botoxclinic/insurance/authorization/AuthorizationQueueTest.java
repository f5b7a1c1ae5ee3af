package org.botoxclinic.insurance.authorization;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.insurance.authorization.Fixtures.approve;
import static org.botoxclinic.insurance.authorization.Fixtures.post;
import static org.botoxclinic.insurance.authorization.Fixtures.specialist;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

import org.botoxclinic.insurance.authorization.CaseSupport.Opened;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AuthorizationQueueTest {

    @Inject
    CaseSupport cases;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    private static RequestSpecification queue(String payer) {
        return given().auth().oauth2(specialist()).queryParam("payerId", payer);
    }

    private static Map<String, Object> override(boolean expedited) {
        return Map.of("channel", "PORTAL", "expedited", expedited, "override", true, "overrideReason", "notes attached");
    }

    @Test
    void shouldServeTheQueueMostUrgentFirstAndPageThroughItByCursor() {
        String payer = "QUEUE-" + UUID.randomUUID().toString().substring(0, 8);
        // The expedited request (72 hours) is overdue a minute after its due time; on that clinic day, the
        // approval's last good day is 13 days away.
        OffsetDateTime expeditedLate = TestClock.now().plusHours(72).plusMinutes(1);
        LocalDate thatDay = expeditedLate.atZoneSameInstant(TestClock.ZONE).toLocalDate();
        LocalDate lastGoodDay = thatDay.plusDays(13);
        Opened pending = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        Opened standard = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(standard.caseId(), "submit", override(false)).statusCode(200);
        Opened expedited = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(expedited.caseId(), "submit", override(true)).statusCode(200);
        Opened approved = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(approved.caseId(), "submit", override(false)).statusCode(200);
        approve(approved.caseId(), "AUTH-Q", 310, 2, TestClock.today(), lastGoodDay).statusCode(200);
        Opened withdrawn = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(withdrawn.caseId(), "withdraw", Map.of("reason", "duplicate")).statusCode(200);
        List<String> mostUrgentFirst = List.of(expedited.caseId(), standard.caseId(), pending.caseId(), approved.caseId(),
                withdrawn.caseId());

        queue(payer).get("/api/authorizations").then().statusCode(200)
                .body("items.id", equalTo(mostUrgentFirst))
                .body("next", nullValue());

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = queue(payer).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/authorizations");
            page.then().statusCode(200);
            paged.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("next");
            pages++;
        } while (cursor != null);
        assertEquals(mostUrgentFirst, paged);
        assertEquals(3, pages);

        queue(payer).queryParam("status", "SUBMITTED").get("/api/authorizations").then()
                .body("items.id", contains(expedited.caseId(), standard.caseId()));
        queue(payer).queryParam("status", "pending_submission,WITHDRAWN").get("/api/authorizations").then()
                .body("items.id", contains(pending.caseId(), withdrawn.caseId()));
        queue(payer).queryParam("indication", "CERVICAL_DYSTONIA").get("/api/authorizations").then()
                .body("items", empty()).body("next", nullValue());
        given().auth().oauth2(specialist()).queryParam("referralId", pending.referralId()).get("/api/authorizations")
                .then().body("items.id", contains(pending.caseId()));

        queue(payer).queryParam("overdue", true).get("/api/authorizations").then().body("items", empty());
        TestClock.set(expeditedLate.toInstant());
        queue(payer).queryParam("overdue", true).get("/api/authorizations").then()
                .body("items.id", contains(expedited.caseId())).body("items[0].overdue", equalTo(true));

        queue(payer).queryParam("expiringWithinDays", 13).get("/api/authorizations").then()
                .body("items.id", contains(approved.caseId()));
        queue(payer).queryParam("expiringWithinDays", 12).get("/api/authorizations").then().body("items", empty());
    }

    @Test
    void shouldPageThroughTiesByIdWithoutLosingOrRepeatingACaseAndAuditEveryCaseShownOnce() {
        String payer = "TIES-" + UUID.randomUUID().toString().substring(0, 8);
        // Opened at one instant: every pending case has the same rank and time, every submitted one too, so only the
        // id orders them, and pages of 2 and 3 end in the middle of the ties.
        List<Opened> pending = new ArrayList<>();
        List<Opened> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pending.add(cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails()));
        }
        for (int i = 0; i < 4; i++) {
            Opened c = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
            post(c.caseId(), "submit", override(false)).statusCode(200);
            submitted.add(c);
        }
        List<String> expected = new ArrayList<>(byId(submitted));
        expected.addAll(byId(pending));

        assertEquals(expected, pageThrough(payer, 2));
        assertEquals(expected, pageThrough(payer, 3));
        assertEquals(byId(pending), pageThrough(payer, 2, "status", "PENDING_SUBMISSION"));
        assertEquals(byId(submitted), pageThrough(payer, 3, "status", "SUBMITTED"));
        assertEquals(expected, pageThrough(payer, 2, "status", "SUBMITTED,PENDING_SUBMISSION", "indication",
                "CHRONIC_MIGRAINE"));
        TestClock.advance(java.time.Duration.ofDays(8));
        assertEquals(byId(submitted), pageThrough(payer, 2, "overdue", true));
        assertEquals(byId(submitted), pageThrough(payer, 3, "overdue", true, "status", "SUBMITTED,PENDING_SUBMISSION"));
        assertEquals(List.of(), pageThrough(payer, 2, "overdue", true, "status", "PENDING_SUBMISSION"));

        // One READ per case shown, in the page's order, by the caller, and nothing for an empty page.
        Response page = queue(payer).queryParam("limit", 4).get("/api/authorizations");
        List<String> shown = page.jsonPath().getList("items.id");
        long previous = 0;
        for (int i = 0; i < shown.size(); i++) {
            UUID referral = i < submitted.size() ? referralOf(submitted, shown.get(i)) : referralOf(pending, shown.get(i));
            List<Map<String, Object>> reads = given().auth().oauth2(org.botoxclinic.testkit.DevTokens.forGroup("admin"))
                    .queryParam("referralId", referral).get("/api/audit").then().statusCode(200)
                    .extract().jsonPath().getList("items.findAll { it.action == 'READ' && it.resourceType == 'authorization-case' }");
            // The case's latest READ is this page's.
            Map<String, Object> last = reads.get(reads.size() - 1);
            assertEquals(shown.get(i), last.get("resourceId"));
            assertEquals(referral.toString(), last.get("referralId"));
            assertEquals("authorizations-user", last.get("actor"));
            assertEquals("ALLOWED", last.get("outcome"));
            long id = ((Number) last.get("id")).longValue();
            org.junit.jupiter.api.Assertions.assertTrue(id > previous, "entries follow the page's order");
            previous = id;
        }
        queue(payer).queryParam("indication", "SPASTICITY").get("/api/authorizations").then().body("items", empty());
    }

    private static UUID referralOf(List<Opened> opened, String caseId) {
        return opened.stream().filter(o -> o.caseId().equals(caseId)).findFirst().orElseThrow().referralId();
    }

    /** Case ids in the database's uuid order (bytewise, the order of their hexadecimal text). */
    private static List<String> byId(List<Opened> opened) {
        return opened.stream().map(Opened::caseId).sorted().toList();
    }

    /** Every page of the queue for the payer (and the filter given as name, value), following next. */
    private static List<String> pageThrough(String payer, int limit, Object... filter) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = queue(payer).queryParam("limit", limit);
            for (int i = 0; i < filter.length; i += 2) {
                request.queryParam((String) filter[i], filter[i + 1]);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/authorizations");
            page.then().statusCode(200);
            List<String> items = page.jsonPath().getList("items.id");
            org.junit.jupiter.api.Assertions.assertTrue(items.size() <= limit);
            ids.addAll(items);
            cursor = page.jsonPath().getString("next");
        } while (cursor != null);
        return ids;
    }

    @Test
    void shouldNameTheQueryParameterItCannotUse() {
        given().auth().oauth2(specialist()).queryParam("status", "LOST").get("/api/authorizations")
                .then().statusCode(400).body("violations.field", contains("status"));
        given().auth().oauth2(specialist()).queryParam("cursor", "garbage").get("/api/authorizations")
                .then().statusCode(400).body("violations.field", contains("cursor"));
        given().auth().oauth2(specialist()).queryParam("referralId", "not-a-uuid").get("/api/authorizations")
                .then().statusCode(400).body("violations.field", contains("referralId"));
        given().auth().oauth2(specialist()).queryParam("limit", 0).get("/api/authorizations").then().statusCode(400);
        given().auth().oauth2(specialist()).queryParam("limit", 501).get("/api/authorizations").then().statusCode(400);
        given().auth().oauth2(specialist()).queryParam("limit", 500).get("/api/authorizations").then().statusCode(200);
        given().auth().oauth2(specialist()).queryParam("expiringWithinDays", -1).get("/api/authorizations")
                .then().statusCode(400).body("violations.field", hasItem(org.hamcrest.Matchers.endsWith("expiringWithinDays")));
        given().auth().oauth2(specialist()).queryParam("expiringWithinDays", 0).get("/api/authorizations")
                .then().statusCode(200).body("next", nullValue());
        // A cursor of another list is not this queue's either.
        given().auth().oauth2(specialist()).queryParam("cursor", org.botoxclinic.platform.paging.Cursor.of("appointments", 1)
                .encode()).get("/api/authorizations").then().statusCode(400).body("violations.field", contains("cursor"));
    }
}
