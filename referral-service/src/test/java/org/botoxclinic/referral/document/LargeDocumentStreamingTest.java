package org.botoxclinic.referral.document;

import static org.botoxclinic.referral.document.Documents.referralOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.Test;

/**
 * A 20 MB document goes in and comes back out without ever being whole in the heap. The service runs in this JVM,
 * so the JVM's own flight recorder sees every allocation too large for a thread-local buffer: during the upload and
 * the download, no array of 4 MiB or more may be allocated anywhere (reading the file into a byte[], or a body
 * buffered whole, would be one of 20 MB). The client streams from and to disk so that it allocates none either.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class LargeDocumentStreamingTest {

    static final int SIZE = 20 * 1024 * 1024;
    static final long LARGE_ARRAY = 4L * 1024 * 1024;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    @Test
    void shouldStoreAndServeA20MegabyteDocumentWithoutHoldingItWholeInTheHeap() throws Exception {
        Path pdf = Files.createTempFile("large-", ".pdf");
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            byte[] block = new byte[64 * 1024];
            Random random = new Random(12);
            byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            sent.update(head);
            for (int written = head.length; written < SIZE; written += block.length) {
                random.nextBytes(block);
                int n = Math.min(block.length, SIZE - written);
                out.write(block, 0, n);
                sent.update(block, 0, n);
            }
        }
        String expected = HexFormat.of().formatHex(sent.digest());
        String partner = "pcp-large-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.forPartner(partner);
        String referral = referralOf(partner);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Path recorded = Files.createTempFile("allocations-", ".jfr");
        String documentId;
        String downloaded;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            recording.start();
            // The probe works: a 5 MiB array allocated here is seen.
            byte[] control = new byte[5 * 1024 * 1024];
            control[control.length - 1] = 1;

            String boundary = "clinic-" + UUID.randomUUID();
            HttpRequest upload = HttpRequest.newBuilder(base.resolve("/api/referrals/" + referral + "/documents"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                                    + "name=\"type\"\r\n\r\nIMAGING\r\n--" + boundary + "\r\nContent-Disposition: form-data; "
                                    + "name=\"file\"; filename=\"mri-report.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"),
                            HttpRequest.BodyPublishers.ofFile(pdf),
                            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                    .build();
            HttpResponse<String> created = client.send(upload, HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            JsonNode document = new ObjectMapper().readTree(created.body());
            documentId = document.path("id").asText();
            assertEquals(SIZE, document.path("sizeBytes").asLong());
            assertEquals(expected, document.path("sha256").asText());

            HttpRequest download = HttpRequest.newBuilder(base.resolve("/api/referrals/" + referral + "/documents/"
                    + documentId + "/content")).header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<InputStream> content = client.send(download, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, content.statusCode());
            assertEquals("application/pdf", content.headers().firstValue("Content-Type").orElse(null));
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            try (InputStream in = content.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.update(buffer, 0, n);
                }
            }
            downloaded = HexFormat.of().formatHex(received.digest());
            recording.stop();
            recording.dump(recorded);
        } finally {
            Files.deleteIfExists(pdf);
        }
        assertEquals(expected, downloaded, "the download is the upload, byte for byte");
        assertEquals(SIZE / (256 * 1024), Documents.count(dataSource,
                "select count(*) from referral_document_chunk where document_id = ?", UUID.fromString(documentId)));

        List<RecordedEvent> large = RecordingFile.readAllEvents(recorded).stream()
                .filter(e -> e.getLong("allocationSize") >= LARGE_ARRAY)
                .toList();
        Files.deleteIfExists(recorded);
        assertTrue(large.stream().anyMatch(this::isControl), "the recording sees the control allocation");
        List<String> others = large.stream()
                .filter(e -> !isControl(e))
                .map(e -> e.getLong("allocationSize") + " bytes of " + e.getClass("objectClass").getName() + " at "
                        + (e.getStackTrace() == null ? "?" : e.getStackTrace().getFrames().stream().limit(12)
                        .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber())
                        .toList()))
                .toList();
        assertTrue(others.isEmpty(), "no array of 4 MiB or more while 20 MB went in and out: " + others);
    }

    private boolean isControl(RecordedEvent event) {
        return event.getStackTrace() != null && !event.getStackTrace().getFrames().isEmpty()
                && event.getStackTrace().getFrames().get(0).getMethod().getType().getName().equals(getClass().getName());
    }
}
