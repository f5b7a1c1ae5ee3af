package org.botoxclinic.referral.document.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.referral.document.domain.Document;

/** A referral's documents (their metadata; the bytes are {@link DocumentChunks}). */
@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public static final String LIST = "documents";

    /** One of the referral's documents; another referral's id is none. */
    public Optional<Document> ofReferral(UUID referralId, UUID documentId) {
        return find("id = ?1 and referralId = ?2", documentId, referralId).firstResultOptional();
    }

    /** The referral's documents in the order they were attached, after the cursor (null for the first page). */
    public List<Document> ofReferral(UUID referralId, Cursor after, int limit) {
        if (after == null) {
            return find("referralId = ?1 order by seq", referralId).page(0, limit).list();
        }
        return find("referralId = ?1 and seq > ?2 order by seq", referralId, after.number(0)).page(0, limit).list();
    }

    public static Cursor cursorAfter(Document last) {
        return Cursor.of(LIST, last.seq());
    }
}
