package org.botoxclinic.referral.document.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.referral.document.domain.Document;

/**
 * Published when a document is attached to a referral: its metadata and SHA-256, never its bytes; with the referral's
 * patient id at the time (after a merge, the surviving patient's).
 */
public record DocumentAttached(UUID referralId, UUID patientId, UUID documentId, String documentType, String fileName,
                               String contentType, long sizeBytes, String sha256, OffsetDateTime attachedAt)
        implements DomainEvent {

    public static final String TYPE = EventTypes.DOCUMENT_ATTACHED;

    public static DocumentAttached of(Document document, UUID patientId) {
        return new DocumentAttached(document.referralId(), patientId, document.id(), document.type().name(), document.fileName(),
                document.contentType(), document.sizeBytes(), document.sha256(), document.attachedAt());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return attachedAt;
    }
}
