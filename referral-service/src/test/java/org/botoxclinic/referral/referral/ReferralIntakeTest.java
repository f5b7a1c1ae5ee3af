package org.botoxclinic.referral.referral;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.referral.referral.ReferralFixtures.body;
import static org.botoxclinic.referral.referral.ReferralFixtures.submit;
import static org.botoxclinic.referral.referral.ReferralFixtures.submitted;
import static org.botoxclinic.referral.referral.ReferralFixtures.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.Test;

/** A partner's integration: strict about what it stores, precise in its errors, and safe to retry. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ReferralIntakeTest {

    @Inject
    EntityManager em;

    private long stored(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from referral where external_referral_id = ?1").setParameter(1, externalId)
                .getSingleResult()).longValue());
    }

    @Test
    void shouldStoreScreenAndShowAReferralToItsPartnerOnly() {
        String externalId = uniqueId();
        String location = submit("pcp-north", body(externalId))
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("RECEIVED"))
                .body("stage", equalTo("IN_TRIAGE"))
                .body("triage.outcome", equalTo("MEETS_CRITERIA"))
                .body("patient.address.postalCode", equalTo("62701"))
                .body("referringProvider.fax", equalTo("555-0199"))
                .body("clinicalDetails.priorPreventiveClasses", hasItem("BETA_BLOCKER"))
                .body("$", hasKey("createdAt"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        // The service reads the test clock, which stands still during the call.
        String createdAt = given().auth().oauth2(DevTokens.forGroup("intake")).get("/api/referrals/" + id)
                .then().extract().path("createdAt");
        assertEquals(TestClock.now().toInstant(), java.time.OffsetDateTime.parse(createdAt).toInstant());

        given().auth().oauth2(DevTokens.forPartner("pcp-north")).get("/api/referrals/" + id)
                .then().statusCode(200).body("externalReferralId", equalTo(externalId));
        given().auth().oauth2(DevTokens.forGroup("intake")).get("/api/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(DevTokens.forPartner("pcp-south")).get("/api/referrals/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("referral " + id + " was not found"));
        given().auth().oauth2(DevTokens.forPartner("pcp-south")).get("/api/referrals/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void shouldReturnTheSameReferralForAnIdenticalResendAndRefuseDifferentContent() {
        ObjectNode referral = body(uniqueId());
        String id = submitted("pcp-north", referral);
        submit("pcp-north", referral).statusCode(200).body("id", equalTo(id));

        ObjectNode changed = referral.deepCopy();
        ((ObjectNode) changed.get("patient")).put("phone", "555-0111");
        submit("pcp-north", changed).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("EXTERNAL_REFERRAL_ID_REUSED"))
                .body("referralId", equalTo(id));
        // Another partner may use the same external id for its own referral.
        submit("pcp-south", referral).statusCode(201).body("id", not(equalTo(id)));
    }

    private List<String> rows(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> found = em.createNativeQuery(sql).setParameter(1, UUID.fromString(id)).getResultList();
            return found.stream().map(String::valueOf).toList();
        });
    }

    @Test
    void shouldStoreNothingMoreForAResendThanItsReplayInTheAuditTrail() {
        ObjectNode referral = body(uniqueId());
        String id = submitted("pcp-north", referral);
        submit("pcp-north", referral).statusCode(200).body("id", equalTo(id));
        ObjectNode changed = referral.deepCopy();
        changed.put("notes", "another text");
        submit("pcp-north", changed).statusCode(409).body("code", equalTo("EXTERNAL_REFERRAL_ID_REUSED"));

        assertEquals(1, stored(referral.get("externalReferralId").asText()));
        // The referral is inserted screened (no second write of it), with its two first entries in order.
        assertEquals(List.of("RECEIVED", "TRIAGED"),
                rows("select type from timeline_entry where referral_id = ?1 order by id", id));
        assertEquals(List.of("0"), rows("select version from referral where id = ?1", id));
        // The resend is recorded as a replay; the refused one and the resend's failed insert leave nothing.
        assertEquals(List.of("CREATE", "REPLAY"),
                rows("select action from audit_entry where referral_id = ?1 order by id", id));
    }

    @Test
    void shouldHonourAnIdempotencyKeyTheSameWay() {
        String key = UUID.randomUUID().toString();
        ObjectNode first = body(uniqueId());
        String id = given().auth().oauth2(DevTokens.forPartner("pcp-north")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(first.toString()).post("/api/referrals")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(first.toString()).post("/api/referrals")
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(uniqueId()).toString()).post("/api/referrals")
                .then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void shouldCreateOneReferralFrom20IdenticalConcurrentSubmissions() throws Exception {
        String externalId = uniqueId();
        String payload = body(externalId).toString();
        String token = DevTokens.forPartner("pcp-north");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Response> call = () -> given().auth().oauth2(token).contentType(ContentType.JSON).body(payload)
                    .post("/api/referrals");
            calls.add(pool.submit(call));
        }
        Set<String> ids = new HashSet<>();
        int created = 0;
        for (Future<Response> call : calls) {
            Response response = call.get();
            assertEquals(true, response.statusCode() == 201 || response.statusCode() == 200,
                    "status " + response.statusCode() + ": " + response.asString());
            created += response.statusCode() == 201 ? 1 : 0;
            ids.add(response.path("id"));
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(1, ids.size());
        assertEquals(1, stored(externalId));
    }

    @Test
    void shouldLetIntakeEnterAPhoneReferralWithoutPartner() {
        ObjectNode phone = body("ignored");
        phone.remove("externalReferralId");
        given().auth().oauth2(DevTokens.forGroup("intake")).contentType(ContentType.JSON).body(phone.toString())
                .post("/api/referrals")
                .then().statusCode(201).body("source", equalTo("PHONE"));
        ObjectNode noExternalId = body("ignored");
        noExternalId.remove("externalReferralId");
        submit("pcp-north", noExternalId).statusCode(400).body("violations.field", hasItem("externalReferralId"));
    }

    @Test
    void shouldNameEachInvalidFieldAndStoreNothing() {
        String externalId = uniqueId();
        ObjectNode bad = body(externalId);
        ((ObjectNode) bad.get("referringProvider")).put("npi", "1234567890");
        bad.putArray("diagnosisCodes").add("G24.5");
        ((ObjectNode) bad.get("patient")).remove("firstName");
        ((ObjectNode) bad.get("patient")).put("dateOfBirth", TestClock.today().plusDays(1).toString());
        ((ObjectNode) bad.get("insurance")).put("payerName", "x".repeat(201));
        ((ObjectNode) bad.get("clinicalDetails")).put("headacheDaysPerMonth", 32);
        submit("pcp-north", bad).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("patient.firstName"))
                .body("violations.field", hasItem("referringProvider.npi"))
                .body("violations.field", hasItem("diagnosisCodes"))
                .body("violations.field", hasItem("patient.dateOfBirth"))
                .body("violations.field", hasItem("insurance.payerName"))
                .body("violations.field", hasItem("clinicalDetails.headacheDaysPerMonth"));
        assertEquals(0, stored(externalId));
    }

    @Test
    void shouldRefuseUnknownFieldsWrongTypesAndBadEnums() {
        String externalId = uniqueId();
        ObjectNode unknown = body(externalId);
        ((ObjectNode) unknown.get("patient")).put("dateofBirth", ReferralFixtures.ADULT_BIRTH_DATE);
        submit("pcp-north", unknown).statusCode(400).body("violations.field", hasItem("patient.dateofBirth"));

        ObjectNode wrongType = body(externalId);
        ((ObjectNode) wrongType.get("clinicalDetails")).put("headacheDaysPerMonth", "many");
        submit("pcp-north", wrongType).statusCode(400).body("violations.field", hasItem("clinicalDetails.headacheDaysPerMonth"));

        ObjectNode badEnum = body(externalId);
        badEnum.put("indication", "HEADACHE");
        submit("pcp-north", badEnum).statusCode(400).body("violations.field", hasItem("indication"));

        ObjectNode badSex = body(externalId);
        ((ObjectNode) badSex.get("patient")).put("sex", "F");
        submit("pcp-north", badSex).statusCode(400).body("violations.field", hasItem("patient.sex"));
        assertEquals(0, stored(externalId));
    }

    @Test
    void shouldRefuseHostileBodiesWithA4xxAndStoreNothing() {
        String externalId = uniqueId();
        List<String> hostile = new ArrayList<>();
        ObjectNode nulls = body(externalId);
        nulls.putNull("patient");
        nulls.putNull("insurance");
        hostile.add(nulls.toString());
        ObjectNode sql = body(externalId);
        ((ObjectNode) sql.get("patient")).put("lastName", "Rivera'); drop table referral; --");
        hostile.add(sql.toString());
        ObjectNode script = body(externalId);
        ((ObjectNode) script.get("patient")).put("firstName", "<script>alert(1)</script>");
        hostile.add(script.toString());
        ObjectNode huge = body(externalId);
        huge.put("notes", "x".repeat(100_000));
        hostile.add(huge.toString());
        ObjectNode codes = body(externalId);
        codes.putArray("diagnosisCodes").add("G43.709'; select 1; --");
        hostile.add(codes.toString());
        hostile.add("[]");
        hostile.add("\"just a string\"");
        hostile.add("{\"patient\": ");
        for (String payload : hostile) {
            given().auth().oauth2(DevTokens.forPartner("pcp-north")).contentType(ContentType.JSON).body(payload)
                    .post("/api/referrals")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(0, stored(externalId));
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).contentType(ContentType.JSON)
                .body("{\"notes\":\"" + "x".repeat(300 * 1024) + "\"}")
                .post("/api/referrals")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void shouldAnswerMalformedJsonWithProblemNotServerError() {
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).contentType(ContentType.JSON).body("{\"patient\": ")
                .post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void shouldRefuseCallersWithoutTokenOrWithTheWrongGroup() {
        given().contentType(ContentType.JSON).body(body(uniqueId()).toString()).post("/api/referrals")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forGroup("scheduler")).contentType(ContentType.JSON).body(body(uniqueId()).toString())
                .post("/api/referrals")
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.forPartner("pcp-north"))
                .post("/api/referrals/" + UUID.randomUUID() + "/accept")
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.forGroup("authorizations")).get("/api/referrals").then().statusCode(403);
    }
}
