package org.botoxclinic.referral.document.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.referral.document.domain.Document;

/** A document's metadata: what it is and the proof of its bytes (the bytes are at .../content). */
public record DocumentView(UUID id, UUID referralId, String type, String fileName, String contentType, long sizeBytes,
                           String sha256, OffsetDateTime attachedAt) {

    static DocumentView of(Document document) {
        return new DocumentView(document.id(), document.referralId(), document.type().name(), document.fileName(),
                document.contentType(), document.sizeBytes(), document.sha256(), document.attachedAt());
    }
}
