package org.botoxclinic.localstack;

import java.io.IOException;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * The readable text of a received message: its {@code text/plain} body, or the first {@code text/plain} part of a
 * multipart message (alternative, mixed, nested), else its first {@code text/html} part as it is; empty when it has
 * no text at all (an attachment only).
 */
final class MailText {

    private MailText() {
    }

    static String of(Part message) throws MessagingException, IOException {
        Optional<String> plain = first(message, "text/plain");
        return plain.isPresent() ? plain.get() : first(message, "text/html").orElse("");
    }

    private static Optional<String> first(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> text = first(child, type);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }
}
