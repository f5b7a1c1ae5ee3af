package org.botoxclinic.referral.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.referral.referral.ReferralFixturesAccess;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One patient across referrals: the deterministic match at intake (both rules, and a miss on each key), the list of
 * likely duplicates, the merge (events, audit, refusals, roles), and the patient and baseline on referral events.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class PatientIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTAKE = DevTokens.forGroup("intake");
    private static final String ADMIN = DevTokens.forGroup("admin");
    private static final String PARTNER = DevTokens.forPartner("pcp-north");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** Someone nobody else in the test database is: a birth date, names, a member id and a phone of their own. */
    record Person(LocalDate dateOfBirth, String firstName, String lastName, String memberId, String phone) {

        static Person fresh() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new Person(TestClock.today().minusYears(25).minusDays(random.nextInt(20_000)),
                    "Ann" + letters(6), "Quist" + letters(7), "M" + random.nextLong(1_000_000_000L, 9_999_999_999L),
                    "555-" + random.nextInt(100, 999) + "-" + random.nextInt(1000, 9999));
        }

        private static String letters(int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
            }
            return s.toString();
        }

        Person withFirstName(String name) { return new Person(dateOfBirth, name, lastName, memberId, phone); }
        Person withLastName(String name) { return new Person(dateOfBirth, firstName, name, memberId, phone); }
        Person withMemberId(String id) { return new Person(dateOfBirth, firstName, lastName, id, phone); }
        Person withPhone(String number) { return new Person(dateOfBirth, firstName, lastName, memberId, number); }
        Person withDateOfBirth(LocalDate date) { return new Person(date, firstName, lastName, memberId, phone); }
    }

    private static ObjectNode referralOf(Person person, String indication, String diagnosisCode) {
        ObjectNode body = ReferralFixturesAccess.node("EXT-" + UUID.randomUUID());
        ObjectNode patient = (ObjectNode) body.get("patient");
        patient.put("firstName", person.firstName()).put("lastName", person.lastName())
                .put("dateOfBirth", person.dateOfBirth().toString()).put("phone", person.phone());
        ((ObjectNode) body.get("insurance")).put("memberId", person.memberId());
        body.put("indication", indication);
        body.putArray("diagnosisCodes").add(diagnosisCode);
        return body;
    }

    private static ObjectNode migraineReferralOf(Person person) {
        return referralOf(person, "CHRONIC_MIGRAINE", "G43.709");
    }

    private static JsonNode submit(String token, ObjectNode body) {
        String answer = given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .post("/api/referrals").then().statusCode(201).extract().asString();
        try {
            return JSON.readTree(answer);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String patientOf(Person person) {
        return submit(PARTNER, migraineReferralOf(person)).path("patientId").asText();
    }

    private static ValidatableResponse merge(String token, String survivor, String merged) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"mergedPatientId\":\"" + merged + "\"}")
                .post("/api/patients/" + survivor + "/merge").then();
    }

    @Test
    void shouldMatchTheSamePersonByNameAndMemberIdOrByPhoneWhateverTheSpelling() {
        Person jose = Person.fresh().withFirstName("José-María").withLastName("O'Neil Quist");
        String patient = patientOf(jose);
        assertTrue(patient.matches("[0-9a-f-]{36}"), patient);

        // Birth date, name and member id: case, accents, punctuation and spaces do not matter; the phone may differ.
        Person refolded = jose.withFirstName("JOSE MARIA").withLastName("oneil quist").withPhone("555-000-0001")
                .withMemberId(jose.memberId().toLowerCase());
        assertEquals(patient, patientOf(refolded));
        // Birth date and phone: another name, another member id, the phone written differently.
        String digits = jose.phone().replaceAll("[^0-9]", "");
        Person byPhone = jose.withFirstName("Pepe").withLastName("Someone").withMemberId("OTHER1234")
                .withPhone("+1 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "." + digits.substring(6));
        assertEquals(patient, patientOf(byPhone));
        // Entered by intake staff from a call: the same rules.
        assertEquals(patient, submit(INTAKE, migraineReferralOf(jose)).path("patientId").asText());

        // A miss on each key makes another patient: another birth date; another member id and phone; another name and phone.
        Set<String> others = new HashSet<>();
        others.add(patientOf(jose.withDateOfBirth(jose.dateOfBirth().minusDays(1))));
        others.add(patientOf(jose.withMemberId("ZZ" + jose.memberId()).withPhone("555-111-2222")));
        others.add(patientOf(jose.withLastName("Quist").withPhone("555-333-4444")));
        others.add(patientOf(jose.withFirstName("Josefa").withPhone("555-333-5555")));
        assertEquals(4, others.size(), "each miss is a patient of its own");
        assertTrue(!others.contains(patient));

        // The patient shows every referral matched to it.
        given().auth().oauth2(INTAKE).get("/api/patients/" + patient).then().statusCode(200)
                .body("id", equalTo(patient))
                .body("resolvedFrom", nullValue())
                .body("referrals.size()", equalTo(4))
                .body("demographics.dateOfBirth", equalTo(jose.dateOfBirth().toString()))
                .body("mergedPatientIds.size()", equalTo(0));
    }

    @Test
    void shouldEndWithOnePatientWhenTheSameNewPersonIsSubmittedConcurrently() throws Exception {
        Person person = Person.fresh();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> submissions = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // Half match by name and member id, half by phone only: both unique indexes are raced.
                Person variant = i % 2 == 0 ? person : person.withFirstName("Other" + (char) ('a' + i)).withMemberId("X" + i + person.memberId());
                submissions.add(() -> patientOf(variant));
            }
            Set<String> patients = new HashSet<>();
            for (Future<String> result : pool.invokeAll(submissions)) {
                patients.add(result.get());
            }
            assertEquals(1, patients.size(), "one patient for one person: " + patients);
            given().auth().oauth2(ADMIN).get("/api/patients/" + patients.iterator().next()).then().statusCode(200)
                    .body("referrals.size()", equalTo(16));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<JsonNode> allPossibleDuplicates(String token) throws Exception {
        List<JsonNode> pairs = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 200);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonNode page = JSON.readTree(request.get("/api/patients/possible-duplicates").then().statusCode(200)
                    .extract().asString());
            page.path("items").forEach(pairs::add);
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
        } while (cursor != null);
        return pairs;
    }

    private static JsonNode pairOf(List<JsonNode> pairs, String a, String b) {
        return pairs.stream().filter(p -> Set.of(p.path("patientId").asText(), p.path("otherPatientId").asText())
                .equals(Set.of(a, b))).findFirst().orElse(null);
    }

    @Test
    void shouldListAMisspelledSurnameAsAPossibleDuplicateAndMergeIt() throws Exception {
        // Chronic migraine first; then cervical dystonia for the same person, surname misspelled, another phone.
        Person person = Person.fresh().withLastName("Kowalczyk");
        JsonNode first = submit(PARTNER, migraineReferralOf(person));
        String survivor = first.path("patientId").asText();
        ObjectNode dystonia = referralOf(person.withLastName("Kowalcyzk").withPhone("555-777-0000").withMemberId("N" + person.memberId()),
                "CERVICAL_DYSTONIA", "G24.3");
        ((ObjectNode) dystonia.get("clinicalDetails")).put("twstrsTotal", 42);
        JsonNode second = submit(PARTNER, dystonia);
        String merged = second.path("patientId").asText();
        assertNotEquals(survivor, merged, "a misspelled surname is no deterministic match");
        // A clearly different person born the same day: not a possible duplicate of either.
        String stranger = patientOf(Person.fresh().withDateOfBirth(person.dateOfBirth()).withFirstName("Bartholomew")
                .withLastName("Zygmunt"));

        List<JsonNode> pairs = allPossibleDuplicates(INTAKE);
        JsonNode pair = pairOf(pairs, survivor, merged);
        assertTrue(pair != null, "the misspelled surname is listed");
        assertEquals(List.of("SIMILAR_LAST_NAME"), List.of(pair.path("reasons").get(0).asText()));
        assertEquals(1, pair.path("reasons").size());
        assertEquals(null, pairOf(pairs, survivor, stranger));
        assertEquals(null, pairOf(pairs, merged, stranger));

        // Accepted before the merge: ReferralAccepted names the patient it had then, with the TWSTRS baseline.
        String dystoniaId = second.path("id").asText();
        given().auth().oauth2(INTAKE).post("/api/referrals/" + dystoniaId + "/accept").then().statusCode(200);
        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            String accepted = probe.awaitType("ReferralAccepted", dystoniaId, Duration.ofSeconds(20)).value();
            EventContract.assertValid("ReferralAccepted", accepted);
            JsonNode event = JSON.readTree(accepted);
            assertEquals(merged, event.path("patientId").asText());
            assertEquals("TWSTRS_TOTAL", event.path("baseline").path("measure").asText());
            assertEquals(42, event.path("baseline").path("value").asInt());
            assertEquals(42, event.path("clinicalDetails").path("twstrsTotal").asInt());
        }

        // Only an administrator merges.
        merge(PARTNER, survivor, merged).statusCode(403);
        merge(INTAKE, survivor, merged).statusCode(403);
        merge(ADMIN, survivor, merged).statusCode(200)
                .body("id", equalTo(survivor))
                .body("mergedPatientIds", contains(merged))
                .body("referrals.id", containsInAnyOrder(first.path("id").asText(), dystoniaId));

        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            ConsumerRecord<String, String> record = probe.await(r -> "PatientMerged".equals(KafkaProbe.header(r, "ce_type"))
                    && survivor.equals(r.key()), Duration.ofSeconds(20));
            EventContract.assertValid("PatientMerged", record.value());
            assertEquals(survivor, KafkaProbe.header(record, "ce_subject"));
            JsonNode event = JSON.readTree(record.value());
            assertEquals(Set.of("patientId", "mergedPatientId", "referralIds", "mergedAt"), fields(event));
            assertEquals(survivor, event.path("patientId").asText());
            assertEquals(merged, event.path("mergedPatientId").asText());
            assertEquals(List.of(dystoniaId), List.of(event.path("referralIds").get(0).asText()));
            assertEquals(1, event.path("referralIds").size());
        }

        // The merged id answers the survivor; the moved referral shows its new patient; the pair is no longer listed.
        given().auth().oauth2(INTAKE).get("/api/patients/" + merged).then().statusCode(200)
                .body("id", equalTo(survivor)).body("resolvedFrom", equalTo(merged));
        given().auth().oauth2(INTAKE).get("/api/referrals/" + dystoniaId).then().statusCode(200)
                .body("patientId", equalTo(survivor));
        assertEquals(null, pairOf(allPossibleDuplicates(ADMIN), survivor, merged));
        // A later referral spelled like the merged patient lands on the survivor.
        assertEquals(survivor, submit(PARTNER, dystonia.put("externalReferralId", "EXT-" + UUID.randomUUID()))
                .path("patientId").asText());

        // Recorded: the merge on the patient and on the referral it moved, ids only.
        given().auth().oauth2(ADMIN).queryParam("referralId", dystoniaId).queryParam("limit", 200).get("/api/audit")
                .then().statusCode(200)
                .body("items.findAll { it.action == 'MERGE' }.resourceType", hasItem("patient"))
                .body("items.findAll { it.action == 'MERGE' }.resourceId", hasItem(survivor));

        // Events after the merge carry the survivor.
        given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body("{\"reason\":\"patient moved away\"}")
                .post("/api/referrals/" + dystoniaId + "/cancel").then().statusCode(200);
        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            String cancelled = probe.awaitType("ReferralCancelled", dystoniaId, Duration.ofSeconds(20)).value();
            EventContract.assertValid("ReferralCancelled", cancelled);
            assertEquals(survivor, JSON.readTree(cancelled).path("patientId").asText());
        }

        // Refused: into itself, an already merged patient, back into the merged one (a cycle), into a merged one.
        merge(ADMIN, survivor, survivor).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("MERGE_INTO_ITSELF"));
        merge(ADMIN, stranger, merged).statusCode(409).body("code", equalTo("ALREADY_MERGED"))
                .body("mergedInto", equalTo(survivor));
        merge(ADMIN, merged, survivor).statusCode(409).body("code", equalTo("MERGE_CYCLE"));
        merge(ADMIN, merged, stranger).statusCode(409).body("code", equalTo("SURVIVOR_MERGED"));
        merge(ADMIN, survivor, UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");
        merge(ADMIN, UUID.randomUUID().toString(), survivor).statusCode(404);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{}").post("/api/patients/" + survivor + "/merge")
                .then().statusCode(400).body("violations.field", hasItem("mergedPatientId"));
        // Nothing a refusal touched changed.
        given().auth().oauth2(ADMIN).get("/api/patients/" + stranger).then().statusCode(200)
                .body("mergedPatientIds.size()", equalTo(0)).body("referrals.size()", equalTo(1));
    }

    @Test
    void shouldKeepPatientsFromPartnersAndRecordEveryRead() {
        String patient = patientOf(Person.fresh());
        given().auth().oauth2(PARTNER).get("/api/patients/" + patient).then().statusCode(403);
        given().auth().oauth2(PARTNER).get("/api/patients/possible-duplicates").then().statusCode(403);
        given().auth().oauth2(DevTokens.forGroup("scheduler")).get("/api/patients/" + patient).then().statusCode(403);
        given().auth().oauth2(INTAKE).get("/api/patients/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(INTAKE).get("/api/patients/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(INTAKE).queryParam("cursor", "bm9wZQ").get("/api/patients/possible-duplicates").then()
                .statusCode(400).body("violations.field", hasItem("cursor"));

        String referral = given().auth().oauth2(INTAKE).get("/api/patients/" + patient).then().statusCode(200)
                .body("demographics.firstName", notNullValue())
                .extract().path("referrals[0].id");
        given().auth().oauth2(ADMIN).queryParam("referralId", referral).get("/api/audit").then().statusCode(200)
                .body("items.findAll { it.action == 'READ' && it.resourceType == 'patient' }.resourceId", hasItem(patient));
    }

    @Test
    void shouldCarryThePatientOnDeclinedAndTheBaselineOfEachIndicationOnAccepted() throws Exception {
        Person person = Person.fresh();
        JsonNode declined = submit(PARTNER, migraineReferralOf(person));
        given().auth().oauth2(INTAKE).contentType(ContentType.JSON).body("{\"reason\":\"episodic\"}")
                .post("/api/referrals/" + declined.path("id").asText() + "/decline").then().statusCode(200);

        ObjectNode spasticity = referralOf(person, "SPASTICITY", "G80.0");
        ((ObjectNode) spasticity.get("clinicalDetails")).put("modifiedAshworth", 1.5);
        String spasticityId = submit(PARTNER, spasticity).path("id").asText();
        ObjectNode blepharospasm = referralOf(person, "BLEPHAROSPASM", "G24.5");
        ((ObjectNode) blepharospasm.get("clinicalDetails")).put("jankovicRatingScale", 6);
        String blepharospasmId = submit(PARTNER, blepharospasm).path("id").asText();
        ObjectNode writersCramp = referralOf(person, "WRITERS_CRAMP", "G25.89");
        ((ObjectNode) writersCramp.get("clinicalDetails")).put("cgiSeverity", 4);
        String writersCrampId = submit(PARTNER, writersCramp).path("id").asText();
        // Cervical dystonia without a TWSTRS score: no baseline.
        String noBaselineId = submit(PARTNER, referralOf(person, "CERVICAL_DYSTONIA", "G24.3")).path("id").asText();
        for (String id : List.of(spasticityId, blepharospasmId, writersCrampId, noBaselineId)) {
            given().auth().oauth2(INTAKE).post("/api/referrals/" + id + "/accept").then().statusCode(200);
        }

        String patient = declined.path("patientId").asText();
        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            String event = probe.awaitType("ReferralDeclined", declined.path("id").asText(), Duration.ofSeconds(20)).value();
            EventContract.assertValid("ReferralDeclined", event);
            assertEquals(patient, JSON.readTree(event).path("patientId").asText());

            assertBaseline(probe, spasticityId, patient, "MODIFIED_ASHWORTH", 1.5);
            assertBaseline(probe, blepharospasmId, patient, "JANKOVIC_RATING_SCALE", 6);
            assertBaseline(probe, writersCrampId, patient, "CGI_SEVERITY", 4);
            String none = probe.awaitType("ReferralAccepted", noBaselineId, Duration.ofSeconds(20)).value();
            EventContract.assertValid("ReferralAccepted", none);
            assertTrue(JSON.readTree(none).path("baseline").isNull());
        }
    }

    private static void assertBaseline(KafkaProbe probe, String referralId, String patient, String measure, double value)
            throws Exception {
        String accepted = probe.awaitType("ReferralAccepted", referralId, Duration.ofSeconds(20)).value();
        EventContract.assertValid("ReferralAccepted", accepted);
        JsonNode event = JSON.readTree(accepted);
        assertEquals(patient, event.path("patientId").asText());
        assertEquals(measure, event.path("baseline").path("measure").asText());
        assertEquals(value, event.path("baseline").path("value").asDouble());
    }

    /** Both sides of each scale's bounds: a value outside is a 400 naming the field, and nothing is stored. */
    @Test
    void shouldRefuseScaleScoresOutOfRangeNamingTheField() {
        record Case(String field, Object value, boolean valid) {
        }
        List<Case> cases = List.of(
                new Case("twstrsTotal", -1, false), new Case("twstrsTotal", 0, true), new Case("twstrsTotal", 85, true),
                new Case("twstrsTotal", 86, false),
                new Case("modifiedAshworth", -1, false), new Case("modifiedAshworth", 0, true),
                new Case("modifiedAshworth", 1, true), new Case("modifiedAshworth", 1.5, true),
                new Case("modifiedAshworth", 1.2, false), new Case("modifiedAshworth", 2.5, false),
                new Case("modifiedAshworth", 4, true), new Case("modifiedAshworth", 5, false),
                new Case("jankovicRatingScale", -1, false), new Case("jankovicRatingScale", 0, true),
                new Case("jankovicRatingScale", 8, true), new Case("jankovicRatingScale", 9, false),
                new Case("cgiSeverity", 0, false), new Case("cgiSeverity", 1, true), new Case("cgiSeverity", 7, true),
                new Case("cgiSeverity", 8, false));
        for (Case c : cases) {
            ObjectNode body = migraineReferralOf(Person.fresh());
            ObjectNode details = (ObjectNode) body.get("clinicalDetails");
            if (c.value() instanceof Integer i) {
                details.put(c.field(), i);
            } else {
                details.put(c.field(), (Double) c.value());
            }
            var answer = given().auth().oauth2(PARTNER).contentType(ContentType.JSON).body(body.toString())
                    .post("/api/referrals").then();
            if (c.valid()) {
                answer.statusCode(201).body("clinicalDetails." + c.field(), notNullValue());
            } else {
                answer.statusCode(400).contentType("application/problem+json")
                        .body("violations.field", contains("clinicalDetails." + c.field()));
            }
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
