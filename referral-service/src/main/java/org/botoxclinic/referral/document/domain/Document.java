package org.botoxclinic.referral.document.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A document attached to a referral: what it is and the proof of its bytes (size, SHA-256). The bytes themselves are
 * kept in chunks beside it and never loaded with it. Documents are only ever added.
 */
@Entity
@Table(name = "referral_document")
public class Document {

    /** Longest file name kept; a longer one keeps its end (the extension) and its first characters. */
    public static final int MAX_FILE_NAME = 255;
    static final String UNNAMED = "document";

    @Id
    private UUID id;
    /** The order documents were attached in; given by the database. */
    @Column(insertable = false, updatable = false)
    private Long seq;
    @Column(name = "referral_id")
    private UUID referralId;
    @Enumerated(EnumType.STRING)
    private DocumentType type;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "attached_at")
    private OffsetDateTime attachedAt;
    @Column(name = "attached_by")
    private String attachedBy;

    protected Document() {
    }

    public Document(UUID id, UUID referralId, DocumentType type, String fileName, DocumentFormat format, long sizeBytes,
                    String sha256, OffsetDateTime attachedAt, String attachedBy) {
        this.id = id;
        this.referralId = referralId;
        this.type = type;
        this.fileName = fileName;
        this.contentType = format.contentType();
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.attachedAt = attachedAt;
        this.attachedBy = attachedBy;
    }

    /**
     * The name to keep for an uploaded file: its last path segment (a client may send a whole path), without control
     * characters, at most {@link #MAX_FILE_NAME} characters; "document" when nothing is left.
     */
    public static String fileNameOf(String uploaded) {
        if (uploaded == null) {
            return UNNAMED;
        }
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String clean = kept.toString().strip();
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
            return UNNAMED;
        }
        if (clean.length() > MAX_FILE_NAME) {
            int dot = clean.lastIndexOf('.');
            String extension = dot > 0 && clean.length() - dot <= 16 ? clean.substring(dot) : "";
            clean = clean.substring(0, MAX_FILE_NAME - extension.length()) + extension;
        }
        return clean;
    }

    public UUID id() { return id; }
    public Long seq() { return seq; }
    public UUID referralId() { return referralId; }
    public DocumentType type() { return type; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public OffsetDateTime attachedAt() { return attachedAt; }
}
