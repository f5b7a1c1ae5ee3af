package org.botoxclinic.referral.document;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.referral.document.Documents.CCDA;
import static org.botoxclinic.referral.document.Documents.EXE;
import static org.botoxclinic.referral.document.Documents.JPEG;
import static org.botoxclinic.referral.document.Documents.PDF;
import static org.botoxclinic.referral.document.Documents.PNG;
import static org.botoxclinic.referral.document.Documents.TEXT;
import static org.botoxclinic.referral.document.Documents.ZIP;
import static org.botoxclinic.referral.document.Documents.count;
import static org.botoxclinic.referral.document.Documents.referralOf;
import static org.botoxclinic.referral.document.Documents.sha256;
import static org.botoxclinic.referral.document.Documents.upload;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.EventContract;
import org.botoxclinic.testkit.KafkaProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A referral's documents: what the clinic takes is decided from the bytes; each one is stored with its SHA-256, put
 * on the timeline, owed to the partner's webhook and announced; nothing of a refused one is kept; another partner
 * sees none of it.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class DocumentsTest {

    private static final String INTAKE = DevTokens.forGroup("intake");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void shouldTakeEachKindFromItsBytesWhateverItsNameAndDeclaredTypeAndGiveItBackByteForByte() {
        String partner = "pcp-docs-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.forPartner(partner);
        String referral = referralOf(partner);
        record Sent(String type, String name, byte[] bytes, String contentType) {
        }
        List<Sent> sent = List.of(
                new Sent("HEADACHE_DIARY", "diary.txt", PDF, "application/pdf"),
                new Sent("IMAGING", "mri", PNG, "image/png"),
                new Sent("IMAGING", "photo.pdf", JPEG, "image/jpeg"),
                new Sent("CLINIC_NOTE", "C:\\exports\\note.bin", CCDA, "application/xml"),
                new Sent("MEDICATION_HISTORY", "meds.exe", TEXT, "text/plain; charset=UTF-8"));
        for (Sent s : sent) {
            Response answer = upload(token, referral, s.type(), s.name(), s.bytes(), "application/octet-stream")
                    .statusCode(201).contentType(ContentType.JSON)
                    .body("type", equalTo(s.type()))
                    .body("contentType", equalTo(s.contentType()))
                    .body("sizeBytes", equalTo(s.bytes().length))
                    .body("sha256", equalTo(sha256(s.bytes())))
                    .body("attachedAt", startsWith("20"))
                    .extract().response();
            String id = answer.path("id");
            assertTrue(answer.header("Location").endsWith("/api/referrals/" + referral + "/documents/" + id));

            Response content = given().auth().oauth2(token).get("/api/referrals/" + referral + "/documents/" + id + "/content")
                    .then().statusCode(200)
                    .header("Content-Type", equalTo(s.contentType()))
                    .header("Content-Disposition", startsWith("attachment; filename="))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .extract().response();
            assertArrayEquals(s.bytes(), content.asByteArray(), s.name() + " comes back as it was sent");
            assertEquals(1, count(dataSource, "select count(*) from audit_entry where action = 'DOWNLOAD' "
                    + "and resource_type = 'referral-document' and resource_id = ? and outcome = 'ALLOWED'", id));
        }
        // A path sent as the file name keeps its last segment only.
        given().auth().oauth2(token).get("/api/referrals/" + referral + "/documents").then().statusCode(200)
                .body("items", hasSize(5))
                .body("items.fileName", contains("diary.txt", "mri", "photo.pdf", "note.bin", "meds.exe"))
                .body("items.sha256", contains(sent.stream().map(s -> sha256(s.bytes())).toArray()))
                .body("next", equalTo(null));
        given().auth().oauth2(token).queryParam("limit", 2).get("/api/referrals/" + referral + "/documents").then()
                .statusCode(200).body("items", hasSize(2)).body("next", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldRefuseWhatIsNoneOfTheKindsTheClinicTakesAndKeepNothingOfIt() {
        String partner = "pcp-refused-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.forPartner(partner);
        String referral = referralOf(partner);
        Documents.Footprint before = Documents.Footprint.of(dataSource, referral);
        Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("setup.pdf", EXE);
        refused.put("archive.pdf", ZIP);
        refused.put("note.xml", "<?xml version=\"1.0\"?><note xmlns=\"urn:example\">hi</note>".getBytes(StandardCharsets.UTF_8));
        refused.put("wrong-namespace.xml", "<ClinicalDocument xmlns=\"urn:example\"/>".getBytes(StandardCharsets.UTF_8));
        refused.put("xxe.xml", ("<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">&x;</ClinicalDocument>").getBytes(StandardCharsets.UTF_8));
        refused.put("page.txt", "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8));
        refused.put("nul.txt", "diary\u0000entry".getBytes(StandardCharsets.UTF_8));
        refused.put("escape.txt", "diary\u001b[31m".getBytes(StandardCharsets.UTF_8));
        refused.put("latin1.txt", "Übelkeit".getBytes(StandardCharsets.ISO_8859_1));
        refused.put("cut.txt", java.util.Arrays.copyOf("naïve".getBytes(StandardCharsets.UTF_8), 3));
        refused.forEach((name, bytes) -> upload(token, referral, "OTHER", name, bytes, "application/pdf")
                .statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_DOCUMENT_CONTENT"))
                .body("field", equalTo("file"))
                .body("accepted", hasItem("application/pdf")));

        upload(token, referral, "OTHER", "empty.pdf", new byte[0], "application/pdf")
                .statusCode(400).contentType("application/problem+json").body("violations.field", contains("file"));
        upload(token, referral, "LAB_RESULT", "diary.pdf", PDF, "application/pdf")
                .statusCode(400).contentType("application/problem+json").body("violations.field", contains("type"));
        given().auth().oauth2(token).multiPart("file", "diary.pdf", PDF, "application/pdf")
                .post("/api/referrals/" + referral + "/documents")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("type"));
        given().auth().oauth2(token).multiPart("type", "OTHER")
                .post("/api/referrals/" + referral + "/documents")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("file"));

        assertEquals(before, Documents.Footprint.of(dataSource, referral));
    }

    @Test
    void shouldShowAnotherPartnerNothingAndLetIntakeStaffAttach() {
        String owner = "pcp-owner-" + UUID.randomUUID().toString().substring(0, 8);
        String other = DevTokens.forPartner("pcp-other-" + UUID.randomUUID().toString().substring(0, 8));
        String referral = referralOf(owner);
        String id = upload(INTAKE, referral, "MEDICATION_HISTORY", "meds.pdf", PDF, "application/pdf")
                .statusCode(201).extract().path("id");
        Documents.Footprint before = Documents.Footprint.of(dataSource, referral);

        String base = "/api/referrals/" + referral + "/documents";
        given().auth().oauth2(other).get(base).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).get(base + "/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).get(base + "/" + id + "/content").then().statusCode(404)
                .contentType("application/problem+json");
        upload(other, referral, "OTHER", "x.pdf", PDF, "application/pdf").statusCode(404).contentType("application/problem+json");
        // An unknown document, or one of another referral, is 404 too, for the owner as for staff.
        String elsewhere = referralOf(owner);
        given().auth().oauth2(DevTokens.forPartner(owner)).get("/api/referrals/" + elsewhere + "/documents/" + id + "/content")
                .then().statusCode(404);
        given().auth().oauth2(INTAKE).get(base + "/" + UUID.randomUUID() + "/content").then().statusCode(404);
        given().auth().oauth2(DevTokens.forGroup("scheduler")).get(base).then().statusCode(403);

        assertEquals(before, Documents.Footprint.of(dataSource, referral));
        assertEquals(4, count(dataSource, "select count(*) from audit_entry where referral_id = ? and outcome = 'DENIED'",
                UUID.fromString(referral)));
        given().auth().oauth2(DevTokens.forPartner(owner)).get(base).then().statusCode(200)
                .body("items.id", contains(id));
        given().auth().oauth2(DevTokens.forGroup("admin")).get(base + "/" + id + "/content").then().statusCode(200);
    }

    @Test
    void shouldPutTheDocumentOnTheTimelineOweItToThePartnersWebhookAndAnnounceIt() throws Exception {
        String partner = "pcp-hook-docs-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.forPartner(partner);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hooks", "secret", "a-partner-secret-of-32-characters"))
                .put("/api/partners/me/webhook").then().statusCode(200);
        String referral = referralOf(partner);
        String id = upload(token, referral, "HEADACHE_DIARY", "diary-october.pdf", PDF, "application/pdf")
                .statusCode(201).extract().path("id");

        given().auth().oauth2(token).get("/api/referrals/" + referral + "/timeline").then().statusCode(200)
                .body("entries.type", contains("RECEIVED", "TRIAGED", "DOCUMENT_ADDED"))
                .body("entries[2].detail", equalTo("Document added: HEADACHE_DIARY \"diary-october.pdf\" (sha256 "
                        + sha256(PDF) + ")"))
                .body("entries[2].details.documentId", equalTo(id))
                .body("entries[2].details.sha256", equalTo(sha256(PDF)))
                .body("entries[0].details", equalTo(null));

        String payload = Documents.text(dataSource, "select d.payload from webhook_delivery d join timeline_entry t "
                + "on t.id = d.timeline_entry_id where t.referral_id = ? and t.type = 'DOCUMENT_ADDED'", UUID.fromString(referral));
        JsonNode entry = JSON.readTree(payload).path("entry");
        assertEquals("DOCUMENT_ADDED", entry.path("type").asText());
        assertEquals(sha256(PDF), entry.path("details").path("sha256").asText());
        assertTrue(!payload.contains("%PDF"), "the webhook carries no content");

        try (KafkaProbe probe = new KafkaProbe(kafka, "referral-events")) {
            ConsumerRecord<String, String> record = probe.awaitType("DocumentAttached", referral, Duration.ofSeconds(20));
            EventContract.assertValid("DocumentAttached", record.value());
            JsonNode event = JSON.readTree(record.value());
            assertEquals(referral, record.key());
            assertEquals(id, event.path("documentId").asText());
            assertEquals("HEADACHE_DIARY", event.path("documentType").asText());
            assertEquals("diary-october.pdf", event.path("fileName").asText());
            assertEquals("application/pdf", event.path("contentType").asText());
            assertEquals(PDF.length, event.path("sizeBytes").asInt());
            assertEquals(sha256(PDF), event.path("sha256").asText());
            assertEquals(given().auth().oauth2(DevTokens.forPartner(partner)).get("/api/referrals/" + referral)
                    .then().statusCode(200).extract().path("patientId"), event.path("patientId").asText());
            assertEquals(java.util.Set.of("referralId", "patientId", "documentId", "documentType", "fileName", "contentType",
                    "sizeBytes", "sha256", "attachedAt"), fieldNames(event));
        }
        EventContract.assertValid("DocumentAttached",
                java.nio.file.Files.readString(java.nio.file.Path.of("../contracts/examples/DocumentAttached.json")));
        assertTrue(!EventContract.violations("DocumentAttached", "{\"referralId\":\"" + referral + "\"}").isEmpty());
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
