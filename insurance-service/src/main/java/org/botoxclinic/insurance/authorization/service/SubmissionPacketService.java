package org.botoxclinic.insurance.authorization.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.insurance.document.service.ReferralDocumentService;
import org.botoxclinic.platform.time.Timestamps;

/** Gathers what the payer's submission cover sheet shows; printing it is a read of the patient's data, and audited. */
@ApplicationScoped
public class SubmissionPacketService {

    private final AuthorizationCaseRepository cases;
    private final ReferralDocumentService documents;
    private final CaseAudit audit;
    private final Clock clock;

    public SubmissionPacketService(AuthorizationCaseRepository cases, ReferralDocumentService documents, CaseAudit audit,
                                   Clock clock) {
        this.cases = cases;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case's packet; the case must be read and printed in one transaction (its checklist loads lazily). */
    @Transactional
    public SubmissionPacket packet(UUID id) {
        AuthorizationCase c = cases.byId(id);
        audit.record("READ_PACKET", c);
        return new SubmissionPacket(c, documents.ofReferral(c.referralId()), Timestamps.now(clock));
    }
}
