package org.botoxclinic.localstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real SMTP in, JSON over HTTP out: what a service sends to the sink, a developer or a system test reads back. */
class MailSinkTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T09:15:00Z");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void keepsEachRecipientsCopyWithItsPlainTextAndForgetsThemAllOnDelete() throws Exception {
        try (MailSink sink = MailSink.start(0, 0, Clock.fixed(RECEIVED, ZoneOffset.UTC))) {
            MimeMessage message = message(sink.smtpPort(), "Reminder: your appointment – 10:30");
            message.setRecipients(Message.RecipientType.TO, "patient-1@example.org, patient-2@example.org");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part("Your appointment is on 3 March 2026 at 10:30.", "text/plain; charset=utf-8"));
            alternative.addBodyPart(part("<p>Your appointment is on <b>3 March 2026</b></p>", "text/html; charset=utf-8"));
            message.setContent(alternative);
            // A login, as a service configured for a real relay would send one: the sink takes the message anyway.
            send(message, "clinic-mailer", "any-password");

            JsonArray all = awaitMessages(sink.httpPort(), "", 2);
            JsonObject first = all.getJsonObject(0);
            assertEquals("patient-1@example.org", first.getString("to"));
            assertEquals("patient-2@example.org", all.getJsonObject(1).getString("to"));
            assertEquals("Botox clinic <reminders@clinic.example.org>", first.getString("from"));
            assertEquals("Reminder: your appointment – 10:30", first.getString("subject"));
            assertEquals("Your appointment is on 3 March 2026 at 10:30.", first.getString("text"));
            assertEquals(RECEIVED.toString(), first.getString("receivedAt"));

            JsonArray one = read(sink.httpPort(), "?to=PATIENT-2%40example.org");
            assertEquals(1, one.size(), "one recipient's messages, its address matched whatever its case");

            HttpResponse<String> deleted = http.send(request(sink.httpPort(), "").DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, deleted.statusCode());
            assertEquals(0, read(sink.httpPort(), "").size());
        }
    }

    @Test
    void readsTheHtmlWhenAMessageHasNoPlainTextAndKeepsOnlyTheNewest() throws Exception {
        try (MailSink sink = MailSink.start(0, 0, Clock.systemUTC(), 3)) {
            for (int i = 1; i <= 5; i++) {
                MimeMessage message = message(sink.smtpPort(), "Message " + i);
                message.setRecipients(Message.RecipientType.TO, "patient@example.org");
                message.setContent("<p>number " + i + "</p>", "text/html; charset=utf-8");
                send(message, null, null);
            }
            JsonArray kept = awaitMessages(sink.httpPort(), "", 3);
            assertEquals(List.of("Message 3", "Message 4", "Message 5"),
                    kept.stream().map(m -> m.asJsonObject().getString("subject")).toList());
            assertEquals("<p>number 5</p>", kept.getJsonObject(2).getString("text"));
        }
    }

    @Test
    void answersOnlyGetAndDeleteOnItsOnePath() throws Exception {
        try (MailSink sink = MailSink.start(0, 0, Clock.systemUTC())) {
            HttpResponse<String> post = http.send(request(sink.httpPort(), "")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            assertEquals("GET, DELETE", post.headers().firstValue("Allow").orElseThrow());
            assertTrue(post.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sink.httpPort() + "/api/messages/1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, elsewhere.statusCode());
        }
    }

    /** The command ./clinic runs: ready line once both ports serve, and gone on SIGTERM. */
    @Test
    void theMailCommandServesUntilItIsStopped() throws Exception {
        int smtpPort = FreePort.next();
        int httpPort = FreePort.next();
        Path log = home.resolve("mail.out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), LocalStack.class.getName(), "mail",
                home.toString(), String.valueOf(smtpPort), String.valueOf(httpPort)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                assertTrue(process.isAlive(), () -> "the mail command exited:\n" + output(log));
                return output(log).lines().anyMatch(InfraCommand.READY::equals);
            });
            MimeMessage message = message(smtpPort, "Hello");
            message.setRecipients(Message.RecipientType.TO, "someone@example.org");
            message.setText("plain words", "utf-8");
            send(message, null, null);
            JsonArray received = awaitMessages(httpPort, "", 1);
            assertEquals("plain words", received.getJsonObject(0).getString("text"));
            assertEquals("someone@example.org", received.getJsonObject(0).getString("to"));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertEquals(143, process.exitValue(), "stopped by SIGTERM:\n" + output(log));
    }

    private static MimeMessage message(int smtpPort, String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        try {
            message.setFrom(new InternetAddress("reminders@clinic.example.org", "Botox clinic", "UTF-8"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setSubject(subject, "UTF-8");
        return message;
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        return part;
    }

    private static void send(MimeMessage message, String user, String password) throws MessagingException {
        message.saveChanges();
        if (user == null) {
            Transport.send(message);
        } else {
            Transport.send(message, user, password);
        }
    }

    private JsonArray awaitMessages(int httpPort, String query, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> read(httpPort, query), a -> a.size() >= count);
    }

    private JsonArray read(int httpPort, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(httpPort, query).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private static HttpRequest.Builder request(int httpPort, String query) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + MailSink.PATH + query));
    }

    private static String output(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
