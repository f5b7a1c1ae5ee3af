package org.botoxclinic.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The local run's SMTP sink: GreenMail's SMTP server on 127.0.0.1 takes every message for any address, with or
 * without a login (none is checked), and delivers nothing onwards; the newest {@value #KEPT} messages are kept in
 * memory and read as JSON on 127.0.0.1 too:
 * <ul>
 *   <li>{@code GET /api/messages}: {@code [{to, from, subject, text, receivedAt}]}, oldest first, one entry per
 *   recipient (a message to two addresses is listed twice); {@code ?to=address} lists one recipient's only;</li>
 *   <li>{@code DELETE /api/messages}: forgets them all (204).</li>
 * </ul>
 * Messages hold patients' contact details: nothing is written to disk and nothing about a message is logged.
 */
final class MailSink implements AutoCloseable {

    /** Older messages are dropped beyond this, so that a day of reminders cannot fill the sink's small heap. */
    static final int KEPT = 1000;

    static final String PATH = "/api/messages";

    private static final String LOOPBACK = "127.0.0.1";

    private final GreenMail smtp;
    private final HttpServer http;
    private final Deque<ReceivedMail> messages = new ArrayDeque<>();
    private final Clock clock;

    private final int kept;

    private MailSink(GreenMail smtp, HttpServer http, Clock clock, int kept) {
        this.smtp = smtp;
        this.http = http;
        this.clock = clock;
        this.kept = kept;
    }

    /** Both ports on 127.0.0.1; 0 picks a free one (see {@link #smtpPort()} and {@link #httpPort()}). */
    static MailSink start(int smtpPort, int httpPort, Clock clock) throws IOException {
        return start(smtpPort, httpPort, clock, KEPT);
    }

    static MailSink start(int smtpPort, int httpPort, Clock clock, int kept) throws IOException {
        if (kept < 1) {
            throw new IllegalArgumentException("the sink must keep at least one message, not " + kept);
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(LOOPBACK, httpPort), 0);
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        MailSink sink = new MailSink(smtp, http, clock, kept);
        // Every recipient is accepted and its copy handed to the sink instead of a mailbox of GreenMail's own.
        smtp.getUserManager().setMessageDeliveryHandler((message, recipient) -> sink.new Recipient(recipient.getEmail()));
        http.createContext(PATH, sink::serve);
        try {
            smtp.start();
            http.start();
        } catch (RuntimeException e) {
            sink.close();
            throw e;
        }
        return sink;
    }

    int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    int httpPort() {
        return http.getAddress().getPort();
    }

    /** What the sink holds now, oldest first. */
    synchronized List<ReceivedMail> messages() {
        return List.copyOf(messages);
    }

    synchronized void clear() {
        messages.clear();
    }

    private synchronized void keep(ReceivedMail mail) {
        messages.addLast(mail);
        while (messages.size() > kept) {
            messages.removeFirst();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                problem(exchange, 404, "Not Found", "only " + PATH + " is served here");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "GET" -> list(exchange);
                case "DELETE" -> {
                    clear();
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, DELETE");
                    problem(exchange, 405, "Method Not Allowed", PATH + " answers GET and DELETE");
                }
            }
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        String to = query(exchange.getRequestURI().getRawQuery()).get("to");
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ReceivedMail mail : messages()) {
            if (to == null || mail.to().equalsIgnoreCase(to)) {
                array.add(mail.toJson());
            }
        }
        send(exchange, 200, "application/json", array.build().toString());
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        JsonObject body = Json.createObjectBuilder().add("title", title).add("status", status).add("detail", detail).build();
        send(exchange, status, "application/problem+json", body.toString());
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The decoded parameters of a query string ({@code to=a%40b.org}); the last of a repeated name wins. */
    static Map<String, String> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name.toLowerCase(Locale.ROOT), value);
        }
        return parameters;
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }

    /**
     * One envelope recipient of a message as GreenMail hands it over: its copy goes into the sink, not into a
     * mailbox. The sink has no accounts, so there is nothing to create, delete or check a password against.
     */
    private final class Recipient implements GreenMailUser {

        private final String address;

        Recipient(String address) {
            this.address = address;
        }

        @Override
        public String getEmail() {
            return address;
        }

        @Override
        public String getLogin() {
            return address;
        }

        @Override
        public void deliver(MovingMessage message) {
            deliver(message.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            try {
                keep(ReceivedMail.of(address, message, clock.instant()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a received message", e);
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot read a received message", e);
            }
        }

        @Override
        public void create() {
            // no mailbox: the copy lives in the sink
        }

        @Override
        public void delete() {
            // no mailbox: the copy lives in the sink
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
            // logins are not checked
        }

        @Override
        public void authenticate(String password) {
            // logins are not checked
        }

        @Override
        public String getQualifiedMailboxName() {
            return address;
        }
    }

    /** A message as the reader returns it: who it was for, who sent it, its subject and its plain text. */
    record ReceivedMail(String to, String from, String subject, String text, Instant receivedAt) {

        static ReceivedMail of(String to, MimeMessage message, Instant receivedAt)
                throws MessagingException, IOException {
            Address[] from = message.getFrom();
            String sender = from == null ? "" : String.join(", ", Arrays.stream(from)
                    .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString()
                            : a.toString())
                    .toList());
            String subject = message.getSubject();
            return new ReceivedMail(to, sender, subject == null ? "" : subject, MailText.of(message), receivedAt);
        }

        JsonObject toJson() {
            return Json.createObjectBuilder()
                    .add("to", to)
                    .add("from", from)
                    .add("subject", subject)
                    .add("text", text)
                    .add("receivedAt", receivedAt.toString())
                    .build();
        }
    }
}
