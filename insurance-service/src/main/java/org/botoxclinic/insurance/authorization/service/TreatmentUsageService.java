package org.botoxclinic.insurance.authorization.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.ApprovalWindow;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.ReauthorizationReason;
import org.botoxclinic.insurance.authorization.domain.Treatment;
import org.botoxclinic.insurance.authorization.events.AuthorizationExhausted;
import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.time.Timestamps;
import org.jboss.logging.Logger;

/** Counts each treatment given against the approval whose window covers it, once, and closes a used-up approval. */
@ApplicationScoped
public class TreatmentUsageService {

    private static final Logger LOG = Logger.getLogger(TreatmentUsageService.class);

    private final AuthorizationCaseRepository cases;
    private final Outbox outbox;
    private final CaseAudit audit;
    private final ReauthorizationService reauthorizations;
    private final Clock clock;

    public TreatmentUsageService(AuthorizationCaseRepository cases, Outbox outbox, CaseAudit audit,
                                 ReauthorizationService reauthorizations, Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.audit = audit;
        this.reauthorizations = reauthorizations;
        this.clock = clock;
    }

    /**
     * Runs inside the inbox's transaction. An appointment already counted is not counted again, even under a new
     * event id. A treatment no window covers is kept on the referral's latest case and flagged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Treatment treatment) {
        if (cases.treatmentCounted(treatment.appointmentId())) {
            LOG.infof("Treatment for appointment %s is already counted", treatment.appointmentId());
            return;
        }
        List<AuthorizationCase> ofReferral = cases.ofReferralLocked(treatment.referralId());
        if (ofReferral.isEmpty()) {
            // Retried, then parked on the dead-letter topic: a treatment is never dropped.
            throw new IllegalStateException("no authorization case for referral " + treatment.referralId());
        }
        OffsetDateTime now = Timestamps.now(clock);
        Optional<AuthorizationCase> covering = ApprovalWindow.covering(ofReferral, treatment.authorizationId(),
                treatment.date());
        if (covering.isEmpty()) {
            AuthorizationCase latest = ofReferral.stream().max(Comparator.comparing(AuthorizationCase::createdAt)).orElseThrow();
            latest.recordUncoveredTreatment(treatment, now);
            audit.record("RECORD_TREATMENT", latest);
            LOG.warnf("Treatment for appointment %s on referral %s is outside every approved window; flagged on case %s",
                    treatment.appointmentId(), treatment.referralId(), latest.id());
            return;
        }
        AuthorizationCase c = covering.get();
        boolean exhausted = c.recordTreatment(treatment, now);
        audit.record("RECORD_TREATMENT", c);
        if (c.usage().overApproval()) {
            LOG.warnf("Case %s is used beyond its approval: visits %d/%d, units %d/%d", c.id(), c.usage().visits(),
                    c.approval().visits(), c.usage().units(), c.approval().units());
        }
        if (exhausted) {
            outbox.append(AuthorizationExhausted.of(c, now));
            audit.record("EXHAUST", c);
            LOG.infof("Case %s exhausted", c.id());
            reauthorizations.open(c, ReauthorizationReason.VISITS_USED_UP, now);
        }
    }
}
