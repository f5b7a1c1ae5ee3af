package org.botoxclinic.referral.document;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.referral.document.Documents.referralOf;
import static org.botoxclinic.referral.document.Documents.sha256;
import static org.botoxclinic.referral.document.Documents.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.Test;

/**
 * The size limit on both sides of its boundary, with a small limit: a document of exactly the limit is taken, one
 * byte more is 413 and leaves nothing behind; a body over the HTTP layer's own limit is 413 problem+json before it is
 * read (one without a declared length is cut off by the HTTP layer itself, with a bare 413); every other request
 * keeps the small JSON limit.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
@TestProfile(DocumentSizeLimitTest.SmallLimit.class)
class DocumentSizeLimitTest {

    static final int LIMIT = 4096;
    static final int HTTP_LIMIT = LIMIT + 64 * 1024;

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.documents.max-bytes", Integer.toString(LIMIT),
                    "quarkus.http.limits.max-body-size", Integer.toString(HTTP_LIMIT));
        }
    }

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    /** Plain text of exactly the given size. */
    private static byte[] text(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        for (int i = 79; i < size; i += 80) {
            bytes[i] = '\n';
        }
        return bytes;
    }

    @Test
    void shouldTakeADocumentOfExactlyTheLimitAndRefuseOneByteMore() {
        String partner = "pcp-limit-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.forPartner(partner);
        String referral = referralOf(partner);

        byte[] atTheLimit = text(LIMIT);
        upload(token, referral, "HEADACHE_DIARY", "diary.txt", atTheLimit, "text/plain").statusCode(201)
                .body("sizeBytes", equalTo(LIMIT)).body("sha256", equalTo(sha256(atTheLimit)));

        Documents.Footprint before = Documents.Footprint.of(dataSource, referral);
        upload(token, referral, "HEADACHE_DIARY", "diary.txt", text(LIMIT + 1), "text/plain")
                .statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("DOCUMENT_TOO_LARGE"))
                .body("field", equalTo("file"))
                .body("maxBytes", equalTo(LIMIT));
        assertEquals(before, Documents.Footprint.of(dataSource, referral));
    }

    @Test
    void shouldRefuseABodyOverTheHttpLayersLimitAsProblemJsonBeforeItIsRead() throws Exception {
        String partner = "pcp-limit-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.forPartner(partner);
        String referral = referralOf(partner);
        Documents.Footprint before = Documents.Footprint.of(dataSource, referral);
        String boundary = "clinic-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nOTHER\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(text(HTTP_LIMIT + 1));
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] body = form.toByteArray();
        URI uri = base.resolve("/api/referrals/" + referral + "/documents");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpRequest declared = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpRequest chunked = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> answer = client.send(declared, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertEquals("PAYLOAD_TOO_LARGE", problem.path("code").asText(), answer.body());
        assertEquals(HTTP_LIMIT, problem.path("maxBytes").asInt());
        // Without a declared length the HTTP layer cuts the body off at its limit itself: still refused, nothing kept.
        answer = client.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals(before, Documents.Footprint.of(dataSource, referral));

        // Everything else keeps the small limit of a JSON body, declared lengths refused before they are read.
        given().auth().oauth2(token).contentType("application/json").body("{\"x\":\"" + "a".repeat(300 * 1024) + "\"}")
                .post("/api/referrals").then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE")).body("maxBytes", equalTo(256 * 1024));
    }
}
