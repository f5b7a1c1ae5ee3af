package org.botoxclinic.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

/**
 * A real SMTP server for tests (GreenMail): it accepts every message sent to it over SMTP, on a free port of the
 * loopback interface, and keeps it for the test to read. {@link #shared()} is the one sink of a test JVM, whose address
 * {@link ClinicTestInfrastructure} hands to the service under test as {@code CLINIC_SMTP_HOST} and
 * {@code CLINIC_SMTP_PORT}.
 */
public final class SmtpSink implements AutoCloseable {

    /** A message as the sink received it: its recipients (comma-separated), sender, subject and plain text. */
    public record ReceivedMail(String to, String from, String subject, String text) {
    }

    public static final String HOST = "127.0.0.1";

    private static SmtpSink shared;

    private final GreenMail server;

    private SmtpSink(GreenMail server) {
        this.server = server;
    }

    /** Starts a sink of its own on a free port. */
    public static SmtpSink start() {
        // GreenMail logs every new recipient's address at INFO: patient data stays out of the test logs too.
        java.util.logging.Logger.getLogger("com.icegreen.greenmail").setLevel(java.util.logging.Level.WARNING);
        GreenMail server = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return new SmtpSink(server);
    }

    /** The sink shared by every test of this JVM, started on first use and stopped with the JVM. */
    public static synchronized SmtpSink shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "smtp-sink-stop"));
        }
        return shared;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Every message received since the start or the last {@link #clear()}, in the order received. */
    public List<ReceivedMail> messages() {
        List<ReceivedMail> received = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            received.add(read(message));
        }
        return received;
    }

    /** Waits (at most 20 s) until at least {@code count} messages have arrived, and returns them all. */
    public List<ReceivedMail> awaitMessages(int count) {
        return awaitMessages(count, Duration.ofSeconds(20));
    }

    public List<ReceivedMail> awaitMessages(int count, Duration timeout) {
        Awaitility.await("at least " + count + " messages at the SMTP sink").atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> server.getReceivedMessages().length >= count);
        return messages();
    }

    /** Forgets every message received so far. */
    public void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("the SMTP sink could not be cleared", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            String to = recipients == null ? "" : Arrays.stream(recipients).map(SmtpSink::address).collect(Collectors.joining(","));
            Address[] senders = message.getFrom();
            String from = senders == null || senders.length == 0 ? null : address(senders[0]);
            return new ReceivedMail(to, from, message.getSubject(), text(message.getContent()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the SMTP sink could not read a message", e);
        }
    }

    private static String address(Address address) {
        return address instanceof jakarta.mail.internet.InternetAddress internet ? internet.getAddress() : address.toString();
    }

    /** The plain text of a message: the body itself, or the first text/plain part of a multipart body. */
    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart nested) {
                    String text = text(nested);
                    if (text != null) {
                        return text;
                    }
                }
            }
        }
        return null;
    }
}
