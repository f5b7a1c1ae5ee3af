package org.botoxclinic.insurance.authorization.service;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.ReauthorizationReason;
import org.botoxclinic.insurance.authorization.events.ReauthorizationRequired;
import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.insurance.authorization.repository.IndicationCatalogueRepository;
import org.botoxclinic.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Opens the case that follows an approval which is used up or ending while the patient is still being treated; the
 * outcomes already recorded for the referral decide its documented-benefit item at once.
 */
@ApplicationScoped
public class ReauthorizationService {

    private static final Logger LOG = Logger.getLogger(ReauthorizationService.class);

    private final AuthorizationCaseRepository cases;
    private final IndicationCatalogueRepository catalogue;
    private final Outbox outbox;
    private final CaseAudit audit;
    private final DocumentedBenefitService benefit;

    public ReauthorizationService(AuthorizationCaseRepository cases, IndicationCatalogueRepository catalogue,
                                  Outbox outbox, CaseAudit audit, DocumentedBenefitService benefit) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.audit = audit;
        this.benefit = benefit;
    }

    /** At most one case follows another; an approval that already has its successor is left alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AuthorizationCase> open(AuthorizationCase previous, ReauthorizationReason reason, OffsetDateTime now) {
        if (cases.nextCaseId(previous.id()).isPresent()) {
            return Optional.empty();
        }
        String payerId = previous.coverage().payerId();
        AuthorizationCase next = previous.reauthorization(catalogue.defaultsFor(previous.indication(), payerId),
                catalogue.checklistFor(previous.indication(), payerId, true), reason, now);
        cases.persist(next);
        outbox.append(ReauthorizationRequired.of(previous, next, reason, now));
        audit.record("OPEN_REAUTHORIZATION", next);
        // An outcome recorded before the case opened documents the benefit now.
        benefit.assess(next);
        LOG.infof("Reauthorization case %s opened after case %s (%s)", next.id(), previous.id(), reason);
        return Optional.of(next);
    }
}
