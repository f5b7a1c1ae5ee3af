package org.botoxclinic.console.referral;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A document attached to a referral, as referral-service describes it (its bytes are fetched apart). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Document(UUID id, UUID referralId, String type, String fileName, String contentType, long sizeBytes,
                       String sha256, OffsetDateTime attachedAt) {

    /** The kinds of document a person may declare, in referral-service's codes. */
    public static final java.util.List<String> TYPES =
            java.util.List.of("HEADACHE_DIARY", "CLINIC_NOTE", "MEDICATION_HISTORY", "IMAGING", "OTHER");

    /** The size as people read it: "812 bytes", "14.2 KB", "3.1 MB". */
    public String size() {
        if (sizeBytes < 1024) {
            return sizeBytes + (sizeBytes == 1 ? " byte" : " bytes");
        }
        if (sizeBytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", sizeBytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }

    /** The content type in words a clinic worker knows. */
    public String kind() {
        if (contentType == null) {
            return "";
        }
        String base = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (base) {
            case "application/pdf" -> "PDF";
            case "image/png" -> "PNG image";
            case "image/jpeg" -> "JPEG image";
            case "text/plain" -> "Text";
            case "application/xml", "text/xml", "application/hl7-cda+xml" -> "C-CDA document";
            default -> base;
        };
    }
}
