package org.botoxclinic.insurance.authorization.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.CaseStatus;
import org.botoxclinic.insurance.authorization.domain.Decision;
import org.botoxclinic.insurance.authorization.domain.DecisionClock;
import org.botoxclinic.insurance.authorization.domain.DecisionOutcome;
import org.botoxclinic.insurance.authorization.domain.DecisionRules;
import org.botoxclinic.insurance.authorization.domain.RequestRules;
import org.botoxclinic.insurance.authorization.domain.Submission;
import org.botoxclinic.insurance.authorization.domain.SubmissionChannel;
import org.botoxclinic.insurance.authorization.events.AuthorizationApproved;
import org.botoxclinic.insurance.authorization.events.AuthorizationDenied;
import org.botoxclinic.insurance.authorization.events.AuthorizationSubmitted;
import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.insurance.authorization.repository.IndicationCatalogueRepository;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.time.Timestamps;
import org.jboss.logging.Logger;

/**
 * What passes between the clinic and the payer on a case: the submission that starts the payer's clock, the
 * payer's decision, and an appeal of a denial on the payer's appeal clock.
 */
@ApplicationScoped
public class PayerDecisionService {

    private static final Logger LOG = Logger.getLogger(PayerDecisionService.class);

    private final AuthorizationCaseRepository cases;
    private final IndicationCatalogueRepository catalogue;
    private final Outbox outbox;
    private final CaseAudit audit;
    private final AuthorizationConfig config;
    private final Clock clock;

    public PayerDecisionService(AuthorizationCaseRepository cases, IndicationCatalogueRepository catalogue, Outbox outbox,
                                CaseAudit audit, AuthorizationConfig config, Clock clock) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
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
        InvalidInputException.throwIfAny(RequestRules.submission(at, override, overrideReason, now));
        AuthorizationCase c = cases.lockedById(id);
        OffsetDateTime dueAt = payerClock(c).decisionDueAt(at, expedited, clock.getZone());
        c.submit(new Submission(channel, payerReference, expedited, at, override ? overrideReason : null), dueAt, now);
        outbox.append(AuthorizationSubmitted.of(c));
        audit.record("SUBMIT", c);
        LOG.infof("Authorization case %s submitted via %s, decision due %s%s", c.id(), channel, c.decisionDueAt(),
                c.submission().overridden() ? " (requirements overridden)" : "");
        return c;
    }

    @Transactional
    public AuthorizationCase decide(UUID id, Decision decision) {
        InvalidInputException.throwIfAny(DecisionRules.violations(decision));
        AuthorizationCase c = cases.lockedById(id);
        boolean settlesAppeal = c.status() == CaseStatus.APPEALED;
        c.decide(decision, now());
        if (decision.outcome().grants()) {
            outbox.append(AuthorizationApproved.of(c));
        } else if (decision.outcome() == DecisionOutcome.DENIED) {
            outbox.append(AuthorizationDenied.of(c, settlesAppeal));
        }
        audit.record("DECIDE", c);
        LOG.infof("Authorization case %s decided: %s", c.id(), decision.outcome());
        return c;
    }

    /** A denial is contested; the decision clock restarts on the payer's appeal clock. */
    @Transactional
    public AuthorizationCase appeal(UUID id, OffsetDateTime submittedAt, String reason) {
        AuthorizationCase c = cases.lockedById(id);
        OffsetDateTime at = submittedAt == null ? null : Timestamps.utc(submittedAt);
        OffsetDateTime dueAt = at == null ? null : payerClock(c).appealDueAt(at, clock.getZone());
        c.appeal(at, reason == null ? null : reason.strip(), dueAt, now());
        audit.record("APPEAL", c);
        LOG.infof("Authorization case %s appealed, decision due %s", c.id(), c.decisionDueAt());
        return c;
    }

    /** The payer's own clocks where it has them, the configured CMS defaults otherwise. */
    private DecisionClock payerClock(AuthorizationCase c) {
        return catalogue.clockFor(c.coverage().payerId(), new DecisionClock(config.expeditedDecisionClock(),
                config.standardDecisionClock(), config.appealDecisionClock()));
    }

    private OffsetDateTime now() {
        return Timestamps.now(clock);
    }
}
