package org.botoxclinic.insurance.authorization.service;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.ReauthorizationReason;
import org.jboss.logging.Logger;

/** Opens the case that follows an approval which is used up or ending while the patient is still being treated. */
@ApplicationScoped
public class Reauthorizations {

    private static final Logger LOG = Logger.getLogger(Reauthorizations.class);

    private final EntityManager em;
    private final IndicationCatalogue catalogue;
    private final CaseEvents events;
    private final CaseAudit audit;

    public Reauthorizations(EntityManager em, IndicationCatalogue catalogue, CaseEvents events, CaseAudit audit) {
        this.em = em;
        this.catalogue = catalogue;
        this.events = events;
        this.audit = audit;
    }

    /** At most one case follows another; an approval that already has its successor is left alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AuthorizationCase> open(AuthorizationCase previous, ReauthorizationReason reason, OffsetDateTime now) {
        if (nextCaseId(previous.id()).isPresent()) {
            return Optional.empty();
        }
        AuthorizationCase next = previous.reauthorization(
                catalogue.defaultsFor(previous.indication(), previous.payerId()),
                catalogue.checklistFor(previous.indication(), previous.payerId(), true), reason, now);
        em.persist(next);
        events.reauthorizationRequired(previous, next, reason, now);
        audit.record("OPEN_REAUTHORIZATION", next);
        LOG.infof("Reauthorization case %s opened after case %s (%s)", next.id(), previous.id(), reason);
        return Optional.of(next);
    }

    public Optional<UUID> nextCaseId(UUID caseId) {
        return em.createQuery("select c.id from AuthorizationCase c where c.previousCaseId = :id", UUID.class)
                .setParameter("id", caseId)
                .getResultStream()
                .findFirst();
    }
}
