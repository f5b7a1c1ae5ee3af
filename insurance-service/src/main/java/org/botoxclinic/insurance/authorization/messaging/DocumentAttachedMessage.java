package org.botoxclinic.insurance.authorization.messaging;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.insurance.document.domain.ReferralDocument;
import org.botoxclinic.platform.inbox.IncomingPayload;

/** This service's reading of DocumentAttached: the document's metadata (never its bytes). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentAttachedMessage(UUID referralId, UUID documentId, String documentType, String fileName,
                                      String contentType, Long sizeBytes, String sha256, OffsetDateTime attachedAt)
        implements IncomingPayload {

    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");

    /** Every field the case view and the packet show, a size that is not negative and a SHA-256 in hex. */
    @Override
    public boolean isComplete() {
        return referralId != null && documentId != null && present(documentType) && present(fileName)
                && present(contentType) && sizeBytes != null && sizeBytes >= 0 && sha256 != null
                && SHA256.matcher(sha256).matches() && attachedAt != null;
    }

    ReferralDocument toDomain(OffsetDateTime recordedAt) {
        return new ReferralDocument(documentId, referralId, documentType, fileName, contentType, sizeBytes,
                sha256.toLowerCase(Locale.ROOT), attachedAt, recordedAt);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
