package org.botoxclinic.insurance.document.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A document attached to a referral in referral-service, as its DocumentAttached event describes it: metadata only,
 * the bytes stay with referral-service. Kept by referral, since it may arrive before the referral's case exists.
 */
@Entity
@Table(name = "referral_document")
public class ReferralDocument {

    @Id
    @Column(name = "document_id")
    private UUID documentId;
    @Column(name = "referral_id")
    private UUID referralId;
    @Column(name = "document_type")
    private String documentType;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "attached_at")
    private OffsetDateTime attachedAt;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected ReferralDocument() {
    }

    public ReferralDocument(UUID documentId, UUID referralId, String documentType, String fileName, String contentType,
                            long sizeBytes, String sha256, OffsetDateTime attachedAt, OffsetDateTime recordedAt) {
        this.documentId = documentId;
        this.referralId = referralId;
        this.documentType = documentType;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.attachedAt = attachedAt;
        this.recordedAt = recordedAt;
    }

    public UUID documentId() { return documentId; }
    public UUID referralId() { return referralId; }
    /** HEADACHE_DIARY, CLINIC_NOTE, MEDICATION_HISTORY, IMAGING or OTHER (kept as sent, so a newer type is not lost). */
    public String documentType() { return documentType; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    /** Lowercase hex SHA-256 of the bytes, so the payer can check the copy it receives is the one listed. */
    public String sha256() { return sha256; }
    public OffsetDateTime attachedAt() { return attachedAt; }
    public OffsetDateTime recordedAt() { return recordedAt; }
}
