package org.botoxclinic.insurance.authorization;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.botoxclinic.insurance.authorization.Fixtures.get;
import static org.botoxclinic.insurance.authorization.Fixtures.requirement;
import static org.botoxclinic.insurance.authorization.Fixtures.specialist;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.botoxclinic.insurance.authorization.CaseSupport.Opened;
import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The referral's documents on the case, documents as evidence for checklist items, and the payer's PDF cover sheet. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class EvidenceAndPacketTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    CaseSupport cases;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
    }

    private static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }

    private void attach(UUID referralId, UUID documentId, String type, String fileName, String sha256) {
        IncomingEvents.sendReferralEvent(kafka, "DocumentAttached", referralId.toString(),
                IncomingEvents.documentAttached(referralId, UUID.randomUUID(), documentId, type, fileName, sha256));
    }

    private void awaitDocuments(String caseId, int count) {
        await().atMost(WAIT).untilAsserted(() -> get(caseId).body("documents", hasSize(count)));
    }

    @Test
    void shouldShowDocumentsAttachedBeforeTheCaseOpenedOnceEachHoweverOftenDelivered() {
        UUID referralId = UUID.randomUUID();
        UUID diary = UUID.randomUUID();
        String event = IncomingEvents.documentAttached(referralId, UUID.randomUUID(), diary, "HEADACHE_DIARY",
                "diary-2026.pdf", sha('a'));
        IncomingEvents.sendReferralEvent(kafka, "DocumentAttached", referralId.toString(), event);
        IncomingEvents.sendReferralEvent(kafka, "DocumentAttached", referralId.toString(), event);
        UUID note = UUID.randomUUID();
        attach(referralId, note, "CLINIC_NOTE", "consult.pdf", sha('b'));
        IncomingEvents.sendReferralEvent(kafka, "ReferralAccepted", referralId.toString(),
                IncomingEvents.referralAccepted(referralId, UUID.randomUUID(), "CHRONIC_MIGRAINE", "AETNA", "null"));

        String caseId = Fixtures.awaitCase(referralId);
        awaitDocuments(caseId, 2);
        String d = "documents.find { it.id == '" + diary + "' }.";
        get(caseId).body("documents.id", containsInAnyOrder(diary.toString(), note.toString()))
                .body(d + "type", equalTo("HEADACHE_DIARY"))
                .body(d + "fileName", equalTo("diary-2026.pdf"))
                .body(d + "contentType", equalTo("application/pdf"))
                .body(d + "sizeBytes", equalTo(48213))
                .body(d + "sha256", equalTo(sha('a')))
                .body(d + "attachedAt", Fixtures.sameInstant(TestClock.now().minusHours(2)));

        // A document attached after the case opened shows too.
        attach(referralId, UUID.randomUUID(), "MEDICATION_HISTORY", "meds.pdf", sha('c'));
        awaitDocuments(caseId, 3);
    }

    @Test
    void shouldMeetAnItemThatNeedsEvidenceOnlyWithADocumentOfTheReferralOfTheRightType() {
        Opened c = cases.open("CHRONIC_MIGRAINE", "AETNA", null);
        UUID diary = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        attach(c.referralId(), diary, "HEADACHE_DIARY", "diary.pdf", sha('d'));
        attach(c.referralId(), note, "CLINIC_NOTE", "note.pdf", sha('e'));
        UUID otherReferralsDocument = UUID.randomUUID();
        attach(UUID.randomUUID(), otherReferralsDocument, "HEADACHE_DIARY", "someone-else.pdf", sha('f'));
        awaitDocuments(c.caseId(), 2);
        get(c.caseId()).body("requirements.find { it.code == 'HEADACHE_DIARY' }.evidenceDocumentTypes",
                        contains("HEADACHE_DIARY"))
                .body("requirements.find { it.code == 'SPECIALIST_PRESCRIBER' }.evidenceDocumentTypes", nullValue());

        requirement(c.caseId(), "HEADACHE_DIARY", Map.of("met", true)).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("EVIDENCE_REQUIRED"))
                .body("requirement", equalTo("HEADACHE_DIARY"))
                .body("field", equalTo("evidenceDocumentIds"))
                .body("acceptedDocumentTypes", contains("HEADACHE_DIARY"));
        requirement(c.caseId(), "HEADACHE_DIARY", Map.of("met", true, "evidenceDocumentIds", List.of(note)))
                .statusCode(422).body("code", equalTo("EVIDENCE_TYPE_NOT_ACCEPTED"))
                .body("linkedDocumentTypes", contains("CLINIC_NOTE"));
        requirement(c.caseId(), "HEADACHE_DIARY", Map.of("met", true, "evidenceDocumentIds", List.of(diary, otherReferralsDocument)))
                .statusCode(422).body("code", equalTo("EVIDENCE_NOT_ON_REFERRAL"))
                .body("field", equalTo("evidenceDocumentIds"))
                .body("unknownDocumentIds", contains(otherReferralsDocument.toString()));
        requirement(c.caseId(), "HEADACHE_DIARY", Map.of("met", true, "evidenceDocumentIds", List.of("not-a-uuid")))
                .statusCode(400).contentType("application/problem+json");
        // Refused changes leave the item as it was.
        get(c.caseId()).body("requirements.find { it.code == 'HEADACHE_DIARY' }.met", equalTo(false))
                .body("requirements.find { it.code == 'HEADACHE_DIARY' }.evidenceDocumentIds", hasSize(0));

        requirement(c.caseId(), "HEADACHE_DIARY", Map.of("met", true, "note", "diary covers 3 months",
                "evidenceDocumentIds", List.of(diary, note))).statusCode(200)
                .body("requirements.find { it.code == 'HEADACHE_DIARY' }.met", equalTo(true))
                .body("requirements.find { it.code == 'HEADACHE_DIARY' }.metBy", equalTo("STAFF"))
                .body("requirements.find { it.code == 'HEADACHE_DIARY' }.evidenceDocumentIds",
                        contains(diary.toString(), note.toString()));
        // Without evidenceDocumentIds the links stay; an item without an evidence rule needs none.
        requirement(c.caseId(), "HEADACHE_DIARY", Map.of("met", true, "note", "re-checked")).statusCode(200)
                .body("requirements.find { it.code == 'HEADACHE_DIARY' }.evidenceDocumentIds", hasSize(2));
        requirement(c.caseId(), "SPECIALIST_PRESCRIBER", Map.of("met", true)).statusCode(200);
        assertTrue(cases.count("select count(*) from audit_entry where action = 'UPDATE_REQUIREMENT' and resource_id = '"
                + c.caseId() + "'") >= 3);
    }

    @Test
    void shouldPrintTheSubmissionCoverSheetWithTheChecklistAndItsEvidence() throws IOException {
        UUID referralId = UUID.randomUUID();
        UUID diary = UUID.randomUUID();
        attach(referralId, diary, "HEADACHE_DIARY", "diary-jan-mar.pdf", sha('1'));
        Opened c = cases.open(referralId, UUID.randomUUID(), "CHRONIC_MIGRAINE", "AETNA", null,
                new PatientIdentity("Zoë", "Nguyễn-Łukasiewicz 王", LocalDate.of(1979, 2, 28), "female"));
        awaitDocuments(c.caseId(), 1);
        requirement(c.caseId(), "HEADACHE_DIARY", Map.of("met", true, "evidenceDocumentIds", List.of(diary)))
                .statusCode(200);

        Response response = given().auth().oauth2(specialist()).get("/api/authorizations/" + c.caseId() + "/packet");
        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename=\"authorization-" + c.caseId() + "-packet.pdf\""))
                .header("Cache-Control", equalTo("no-store"));
        String text = text(response.asByteArray());
        for (String expected : List.of("Zoë", "Nguyen-Lukasiewicz ?", "1979-02-28", "Payer AETNA (AETNA)", "W123456789",
                "64615", "J0585", "units: 310", "units: 2", "G43.709", "2 treatment(s) of 155 units each",
                "[MET] HEADACHE_DIARY", "[NOT MET] SPECIALIST_PRESCRIBER", "[NOT MET] PREVENTIVE_CLASSES_TRIED",
                "evidence: diary-jan-mar.pdf (HEADACHE_DIARY)\nsha256 " + sha('1'), "page 1 of 1")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
        assertEquals(1, cases.count("select count(*) from audit_entry where action = 'READ_PACKET' and resource_id = '"
                + c.caseId() + "'"));
    }

    @Test
    void shouldRunALongChecklistOverSeveralPages() throws IOException {
        String payer = "LONG-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 45; i++) {
            cases.sql("insert into payer_requirement (payer_id, indication, code, description, stage, position, "
                    + "evidence_document_types) values ('" + payer + "', 'CHRONIC_MIGRAINE', 'PAYER_ITEM_" + i
                    + "', 'The payer''s own item number " + i + ", with a description long enough to wrap over more than "
                    + "one line of the cover sheet when it is printed', 'INITIAL', " + (10 + i) + ", array['CLINIC_NOTE'])");
        }
        Opened c = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        byte[] pdf = given().auth().oauth2(specialist()).get("/api/authorizations/" + c.caseId() + "/packet")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 3, "pages: " + pages);
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("[NOT MET] PAYER_ITEM_45"), text);
            assertTrue(text.contains("page " + pages + " of " + pages), text);
            assertTrue(text.contains("evidence needed: CLINIC_NOTE"), text);
        }
    }

    @Test
    void shouldAnswerThePacketToAuthorizationStaffOnly() {
        Opened c = cases.open("CERVICAL_DYSTONIA", "AETNA", null);
        String path = "/api/authorizations/" + c.caseId() + "/packet";
        given().get(path).then().statusCode(401);
        for (String group : new String[] {"scheduler", "intake", "partner"}) {
            given().auth().oauth2(DevTokens.forGroup(group)).get(path).then().statusCode(403);
        }
        given().auth().oauth2(DevTokens.forGroup("admin")).get(path).then().statusCode(200).contentType("application/pdf");
        given().auth().oauth2(specialist()).get("/api/authorizations/" + UUID.randomUUID() + "/packet")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    private static String text(byte[] pdf) throws IOException {
        assertFalse(pdf.length == 0);
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
