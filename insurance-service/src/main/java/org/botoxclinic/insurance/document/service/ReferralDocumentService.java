package org.botoxclinic.insurance.document.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.document.domain.ReferralDocument;
import org.botoxclinic.insurance.document.repository.ReferralDocumentRepository;
import org.jboss.logging.Logger;

/** Keeps the metadata of every document attached to a referral, whether or not its case exists yet. */
@ApplicationScoped
public class ReferralDocumentService {

    private static final Logger LOG = Logger.getLogger(ReferralDocumentService.class);

    private final ReferralDocumentRepository documents;

    public ReferralDocumentService(ReferralDocumentRepository documents) {
        this.documents = documents;
    }

    /** Runs inside the inbox's transaction; a document already known is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attach(ReferralDocument document) {
        if (documents.remember(document)) {
            LOG.infof("Document %s recorded for referral %s", document.documentId(), document.referralId());
        } else {
            LOG.infof("Document %s of referral %s is already recorded", document.documentId(), document.referralId());
        }
    }

    /** The referral's documents, oldest first; the caller's read of the case is what gets audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReferralDocument> ofReferral(UUID referralId) {
        return documents.ofReferral(referralId);
    }
}
