package org.botoxclinic.referral.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.ContentTooLargeException;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.document.domain.Document;
import org.botoxclinic.referral.document.events.DocumentAttached;
import org.botoxclinic.referral.document.repository.DocumentChunks;
import org.botoxclinic.referral.document.repository.DocumentRepository;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.service.ReferralService;
import org.botoxclinic.referral.timeline.domain.TimelineType;
import org.botoxclinic.referral.timeline.service.TimelineService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Documents attached to a referral by its partner or by intake staff: screened (content type from the bytes, and
 * whatever else is plugged in, see {@link DocumentScreen}), stored in chunks while their SHA-256 is computed, put on
 * the timeline and announced (DocumentAttached) in one transaction; listed and read back as a stream, every
 * disclosure audited.
 */
@ApplicationScoped
public class DocumentService {

    private static final Logger LOG = Logger.getLogger(DocumentService.class);
    public static final String RESOURCE = "referral-document";
    /** Room for the multipart form around the file: boundaries, part headers, the type field. */
    static final long FORM_ENVELOPE_BYTES = 64 * 1024;

    private final DocumentRepository documents;
    private final DocumentChunks chunks;
    private final ReferralService referrals;
    private final TimelineService timeline;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final List<DocumentScreen> screens;
    private final long maxBytes;
    private final long httpMaxBytes;
    private final Clock clock;

    public DocumentService(DocumentRepository documents, DocumentChunks chunks, ReferralService referrals,
                           TimelineService timeline, Outbox outbox, AuditTrail audit, Instance<DocumentScreen> screens,
                           DocumentConfig config,
                           @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize httpMax, Clock clock) {
        this.documents = documents;
        this.chunks = chunks;
        this.referrals = referrals;
        this.timeline = timeline;
        this.outbox = outbox;
        this.audit = audit;
        this.screens = screens.stream().sorted(Comparator.comparingInt(DocumentScreen::order)).toList();
        this.maxBytes = config.maxBytes().asLongValue();
        this.httpMaxBytes = httpMax.asLongValue();
        this.clock = clock;
    }

    /** A limit the HTTP layer would cut off first is a configuration mistake: the start says so, not an upload. */
    void onStart(@Observes StartupEvent start) {
        if (httpMaxBytes < maxBytes + FORM_ENVELOPE_BYTES) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + httpMaxBytes + " bytes) must be at "
                    + "least clinic.documents.max-bytes (" + maxBytes + " bytes) + " + FORM_ENVELOPE_BYTES
                    + " bytes for the form around the file");
        }
        LOG.infof("Documents: up to %d bytes each; screens %s", maxBytes,
                screens.stream().map(s -> s.getClass().getSimpleName()).toList());
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Attaches the upload to the referral. Refused before anything is written: another partner's referral (404), an
     * empty file (400), one over the limit (413), content the screens refuse (415 for an unrecognised type, or the
     * screen's own refusal). The chunks, the document, its timeline entry (and the partner's webhook delivery), the
     * DocumentAttached event and the audit entry are one transaction.
     */
    @Transactional
    public Document attach(Upload upload, String partnerScope, String attachedBy) {
        Referral referral = referrals.visibleTo(upload.referralId(), partnerScope, "ATTACH_DOCUMENT");
        if (upload.sizeBytes() == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        if (upload.sizeBytes() > maxBytes) {
            throw new ContentTooLargeException("DOCUMENT_TOO_LARGE", "file: the document is " + upload.sizeBytes()
                    + " bytes; at most " + maxBytes + " bytes are taken", Map.of("field", "file", "maxBytes", maxBytes));
        }
        Upload screened = upload;
        for (DocumentScreen screen : screens) {
            screened = screen.screen(screened);
        }
        if (screened.format() == null) {
            throw new IllegalStateException("no screen recognised the content type");
        }
        UUID id = UUID.randomUUID();
        DocumentChunks.Written written;
        try (InputStream content = Files.newInputStream(screened.file())) {
            written = chunks.write(id, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OffsetDateTime now = Timestamps.now(clock);
        Document document = new Document(id, referral.id(), screened.type(), Document.fileNameOf(screened.fileName()),
                screened.format(), written.sizeBytes(), written.sha256(), now, attachedBy);
        documents.persist(document);
        timeline.note(referral, TimelineType.DOCUMENT_ADDED, "Document added: " + document.type() + " \""
                + document.fileName() + "\" (sha256 " + document.sha256() + ")", details(document), now);
        outbox.append(DocumentAttached.of(document, referral.patientId()));
        audit.record("ATTACH", RESOURCE, id, referral.id());
        LOG.infof("Document %s (%s, %s, %d bytes) attached to referral %s", id, document.type(), document.contentType(),
                document.sizeBytes(), referral.id());
        return document;
    }

    /** The referral's documents in the order they were attached, one page after the cursor (null for the first). */
    @Transactional
    public Page<Document> list(UUID referralId, String partnerScope, String cursor, int limit) {
        referrals.visibleTo(referralId, partnerScope, "LIST_DOCUMENTS");
        Cursor after = cursor == null ? null : Cursor.decode(cursor, DocumentRepository.LIST, 1);
        Page<Document> page = Page.of(documents.ofReferral(referralId, after, limit + 1), limit,
                DocumentRepository::cursorAfter);
        audit.recordAll("LIST", RESOURCE, page.items().stream()
                .map(d -> new AuditTrail.Disclosed(d.id(), referralId)).toList());
        return page;
    }

    /** One document's metadata, its disclosure audited (READ); another partner's or an unknown one is 404. */
    @Transactional
    public Document read(UUID referralId, UUID documentId, String partnerScope) {
        return disclosed("READ", referralId, documentId, partnerScope);
    }

    /**
     * The document about to be downloaded, its download audited (DOWNLOAD); the bytes follow with {@link #copy}.
     * Another partner's referral, or a document of another referral, is 404 like a missing one.
     */
    @Transactional
    public Document download(UUID referralId, UUID documentId, String partnerScope) {
        return disclosed("DOWNLOAD", referralId, documentId, partnerScope);
    }

    private Document disclosed(String action, UUID referralId, UUID documentId, String partnerScope) {
        referrals.visibleTo(referralId, partnerScope, action + "_DOCUMENT");
        Document document = documents.ofReferral(referralId, documentId)
                .orElseThrow(() -> new NotFoundException("document", documentId));
        audit.record(action, RESOURCE, documentId, referralId);
        return document;
    }

    /** Streams the document's bytes, chunk by chunk, outside any transaction. */
    public void copy(Document document, OutputStream out) throws IOException {
        long copied = chunks.copy(document.id(), out);
        if (copied != document.sizeBytes()) {
            throw new IOException("document " + document.id() + " has " + copied + " bytes stored, " + document.sizeBytes()
                    + " recorded");
        }
    }

    private static Map<String, Object> details(Document document) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentId", document.id().toString());
        details.put("documentType", document.type().name());
        details.put("fileName", document.fileName());
        details.put("contentType", document.contentType());
        details.put("sizeBytes", document.sizeBytes());
        details.put("sha256", document.sha256());
        return details;
    }
}
