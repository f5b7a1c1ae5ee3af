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

import org.botoxclinic.insurance.authorization.domain.AcceptedReferral;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.CaseStatus;
import org.botoxclinic.insurance.authorization.domain.Decision;
import org.botoxclinic.insurance.authorization.domain.DecisionClock;
import org.botoxclinic.insurance.authorization.domain.DecisionOutcome;
import org.botoxclinic.insurance.authorization.domain.DecisionRules;
import org.botoxclinic.insurance.authorization.domain.RequestRules;
import org.botoxclinic.insurance.authorization.domain.SubmissionChannel;
import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.web.Problems;
import org.jboss.logging.Logger;

/** The authorization specialist's use cases, the case opened for each accepted referral, and its cancellation. */
@ApplicationScoped
public class AuthorizationDesk {

    public static final String REQUIREMENTS_UNMET = "REQUIREMENTS_UNMET";

    private static final Logger LOG = Logger.getLogger(AuthorizationDesk.class);

    private final EntityManager em;
    private final IndicationCatalogue catalogue;
    private final CaseEvents events;
    private final CaseAudit audit;
    private final Reauthorizations reauthorizations;
    private final Clock clock;

    public AuthorizationDesk(EntityManager em, IndicationCatalogue catalogue, CaseEvents events, CaseAudit audit,
                             Reauthorizations reauthorizations, Clock clock) {
        this.em = em;
        this.catalogue = catalogue;
        this.events = events;
        this.audit = audit;
        this.reauthorizations = reauthorizations;
        this.clock = clock;
    }

    /** Runs inside the inbox's transaction; a referral that already has its initial case is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openCase(AcceptedReferral referral) {
        if (initialCase(referral.referralId()).isPresent()) {
            LOG.infof("Referral %s already has an authorization case", referral.referralId());
            return;
        }
        AuthorizationCase c = AuthorizationCase.open(referral,
                catalogue.defaultsFor(referral.indication(), referral.payerId()),
                catalogue.checklistFor(referral.indication(), referral.payerId(), false), now());
        em.persist(c);
        audit.record("OPEN", c);
        LOG.infof("Authorization case %s opened for referral %s", c.id(), referral.referralId());
    }

    /** The referral was cancelled: every open case of it closes; closed ones stay as they ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelReferral(UUID referralId, String reason) {
        int cancelled = 0;
        for (AuthorizationCase c : em.createQuery("from AuthorizationCase where referralId = :referral order by createdAt",
                        AuthorizationCase.class)
                .setParameter("referral", referralId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            if (c.cancel("referral cancelled: " + reason, now())) {
                audit.record("CANCEL", c);
                cancelled++;
            }
        }
        LOG.infof("Referral %s cancelled: %d authorization case(s) closed", referralId, cancelled);
        return cancelled;
    }

    /** One case for a reader; the read is audited. */
    @Transactional
    public Optional<AuthorizationCase> read(UUID id) {
        AuthorizationCase c = em.find(AuthorizationCase.class, id);
        if (c != null) {
            audit.record("READ", c);
        }
        return Optional.ofNullable(c);
    }

    public Optional<UUID> nextCaseId(UUID id) {
        return reauthorizations.nextCaseId(id);
    }

    @Transactional
    public AuthorizationCase updateRequirement(UUID id, String code, boolean met, String note) {
        AuthorizationCase c = locked(id);
        if (c.requirement(code).isEmpty()) {
            throw Problems.notFound("requirement", code);
        }
        c.updateRequirement(code, met, note, now());
        audit.record("UPDATE_REQUIREMENT", c);
        return c;
    }

    /**
     * Records the submission and starts the payer's clock. Refused while required items are unmet, unless the
     * specialist overrides with a reason, which the case keeps.
     */
    @Transactional
    public AuthorizationCase submit(UUID id, SubmissionChannel channel, String payerReference, boolean expedited,
                                    OffsetDateTime submittedAt, boolean override, String overrideReason) {
        OffsetDateTime now = now();
        OffsetDateTime at = submittedAt == null ? now : Timestamps.utc(submittedAt);
        Map<String, String> violations = RequestRules.submission(at, override, overrideReason, now);
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        AuthorizationCase c = locked(id);
        if (!c.status().canMoveTo(CaseStatus.SUBMITTED)) {
            throw new IllegalTransitionException("authorization case", c.status(), "submitted");
        }
        List<String> unmet = c.unmetRequirements();
        if (!unmet.isEmpty() && !override) {
            throw Problems.rule(REQUIREMENTS_UNMET, "required items are not met: " + String.join(", ", unmet)
                    + "; meet them or submit with override and a reason", Map.of("unmet", unmet));
        }
        OffsetDateTime dueAt = catalogue.clockFor(c.payerId()).decisionDueAt(at, expedited, clock.getZone());
        c.submit(channel, payerReference, expedited, at, dueAt, unmet.isEmpty() ? null : overrideReason.strip(), now);
        events.submitted(c, now);
        audit.record("SUBMIT", c);
        LOG.infof("Authorization case %s submitted via %s, decision due %s%s", c.id(), channel, c.decisionDueAt(),
                unmet.isEmpty() ? "" : " (requirements overridden)");
        return c;
    }

    @Transactional
    public AuthorizationCase decide(UUID id, Decision decision) {
        Map<String, String> violations = DecisionRules.violations(decision);
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        AuthorizationCase c = locked(id);
        boolean settlesAppeal = c.status() == CaseStatus.APPEALED;
        c.decide(decision, now());
        if (decision.outcome().grants()) {
            events.approved(c);
        } else if (decision.outcome() == DecisionOutcome.DENIED) {
            events.denied(c, settlesAppeal);
        }
        audit.record("DECIDE", c);
        LOG.infof("Authorization case %s decided: %s", c.id(), decision.outcome());
        return c;
    }

    /** A denial is contested; the decision clock restarts on the payer's appeal clock. */
    @Transactional
    public AuthorizationCase appeal(UUID id, OffsetDateTime submittedAt, String reason) {
        AuthorizationCase c = locked(id);
        if (!c.status().canMoveTo(CaseStatus.APPEALED)) {
            throw new IllegalTransitionException("authorization case", c.status(), "appealed");
        }
        OffsetDateTime now = now();
        OffsetDateTime at = Timestamps.utc(submittedAt);
        Map<String, String> violations = RequestRules.appeal(at, reason, c.decidedAt(), now);
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        DecisionClock payerClock = catalogue.clockFor(c.payerId());
        c.appeal(at, reason.strip(), payerClock.appealDueAt(at, clock.getZone()), now);
        audit.record("APPEAL", c);
        LOG.infof("Authorization case %s appealed, decision due %s", c.id(), c.decisionDueAt());
        return c;
    }

    @Transactional
    public AuthorizationCase withdraw(UUID id, String reason) {
        Map<String, String> violations = RequestRules.withdrawal(reason);
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        AuthorizationCase c = locked(id);
        c.withdraw(reason.strip(), now());
        audit.record("WITHDRAW", c);
        LOG.infof("Authorization case %s withdrawn", c.id());
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
