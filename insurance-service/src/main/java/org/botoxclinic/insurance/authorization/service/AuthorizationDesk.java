package org.botoxclinic.insurance.authorization.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.insurance.authorization.domain.AcceptedReferral;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.Decision;
import org.botoxclinic.insurance.authorization.domain.DecisionClock;
import org.botoxclinic.insurance.authorization.domain.DecisionRules;
import org.botoxclinic.insurance.authorization.domain.SubmissionChannel;
import org.botoxclinic.insurance.authorization.events.AuthorizationApproved;
import org.botoxclinic.platform.events.Topics;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.outbox.OutboundEvent;
import org.botoxclinic.platform.web.Problems;
import org.jboss.logging.Logger;

/** The authorization specialist's use cases, and the case opened for each accepted referral. */
@ApplicationScoped
public class AuthorizationDesk {

    private static final Logger LOG = Logger.getLogger(AuthorizationDesk.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final IndicationCatalogue catalogue;
    private final AuthorizationConfig config;
    private final Clock clock;

    public AuthorizationDesk(EntityManager em, Outbox outbox, IndicationCatalogue catalogue, AuthorizationConfig config,
                             Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.catalogue = catalogue;
        this.config = config;
        this.clock = clock;
    }

    /** Runs inside the inbox's transaction; a referral that already has its initial case is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openCase(AcceptedReferral referral) {
        if (initialCase(referral.referralId()).isPresent()) {
            LOG.infof("Referral %s already has an authorization case", referral.referralId());
            return;
        }
        AuthorizationCase c = AuthorizationCase.open(referral, catalogue.defaultsFor(referral.indication()), now());
        em.persist(c);
        LOG.infof("Authorization case %s opened for referral %s", c.id(), referral.referralId());
    }

    public Optional<AuthorizationCase> find(UUID id) {
        return Optional.ofNullable(em.find(AuthorizationCase.class, id));
    }

    public List<AuthorizationCase> byReferral(UUID referralId) {
        return em.createQuery("from AuthorizationCase where referralId = :referral order by createdAt", AuthorizationCase.class)
                .setParameter("referral", referralId)
                .getResultList();
    }

    public List<AuthorizationCase> queue(int limit) {
        return em.createQuery("from AuthorizationCase order by decisionDueAt asc nulls last, createdAt asc", AuthorizationCase.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Transactional
    public AuthorizationCase submit(UUID id, SubmissionChannel channel, String payerReference, boolean expedited,
                                    OffsetDateTime submittedAt) {
        AuthorizationCase c = locked(id);
        OffsetDateTime now = now();
        DecisionClock clock = new DecisionClock(config.expeditedDecisionClock(), config.standardDecisionClock());
        c.submit(channel, payerReference, expedited, submittedAt == null ? now : Timestamps.utc(submittedAt),
                clock.forRequest(expedited), now);
        LOG.infof("Authorization case %s submitted via %s, decision due %s", c.id(), channel, c.decisionDueAt());
        return c;
    }

    @Transactional
    public AuthorizationCase decide(UUID id, Decision decision) {
        Map<String, String> violations = DecisionRules.violations(decision);
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        AuthorizationCase c = locked(id);
        c.decide(decision, now());
        if (decision.outcome().grants()) {
            AuthorizationApproved approved = AuthorizationApproved.of(c);
            outbox.append(OutboundEvent.of(Topics.AUTHORIZATION_EVENTS, AuthorizationApproved.TYPE, c.referralId(),
                    c.decidedAt(), approved));
        }
        LOG.infof("Authorization case %s decided: %s", c.id(), decision.outcome());
        return c;
    }

    private Optional<AuthorizationCase> initialCase(UUID referralId) {
        return em.createQuery("from AuthorizationCase where referralId = :referral and previousCaseId is null",
                        AuthorizationCase.class)
                .setParameter("referral", referralId)
                .getResultStream()
                .findFirst();
    }

    private AuthorizationCase locked(UUID id) {
        AuthorizationCase c = em.find(AuthorizationCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw Problems.notFound("authorization case", id);
        }
        return c;
    }

    private OffsetDateTime now() {
        return Timestamps.now(clock);
    }
}
