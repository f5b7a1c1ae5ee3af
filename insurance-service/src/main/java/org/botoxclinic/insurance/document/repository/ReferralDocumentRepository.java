package org.botoxclinic.insurance.document.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.insurance.document.domain.ReferralDocument;

/** The documents known for each referral. */
@ApplicationScoped
public class ReferralDocumentRepository implements PanacheRepositoryBase<ReferralDocument, UUID> {

    /** Stores the document once; the same document described again (a republished event) changes nothing. */
    public boolean remember(ReferralDocument document) {
        return getEntityManager().createNativeQuery("""
                        insert into referral_document (document_id, referral_id, document_type, file_name, content_type,
                                                       size_bytes, sha256, attached_at, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (document_id) do nothing""")
                .setParameter(1, document.documentId())
                .setParameter(2, document.referralId())
                .setParameter(3, document.documentType())
                .setParameter(4, document.fileName())
                .setParameter(5, document.contentType())
                .setParameter(6, document.sizeBytes())
                .setParameter(7, document.sha256())
                .setParameter(8, document.attachedAt())
                .setParameter(9, document.recordedAt())
                .executeUpdate() > 0;
    }

    /** The referral's documents, in the order they were attached. */
    public List<ReferralDocument> ofReferral(UUID referralId) {
        return find("referralId", Sort.by("attachedAt").and("documentId"), referralId).list();
    }
}
