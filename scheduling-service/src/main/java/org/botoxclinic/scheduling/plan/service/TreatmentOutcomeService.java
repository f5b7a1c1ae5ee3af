package org.botoxclinic.scheduling.plan.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.plan.domain.Measurement;
import org.botoxclinic.scheduling.plan.domain.TreatmentOutcome;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.events.OutcomeRecorded;
import org.botoxclinic.scheduling.plan.repository.TreatmentOutcomeRepository;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.jboss.logging.Logger;

/** Records how patients respond to treatment, one assessment at a time, and tells insurance-service of each. */
@ApplicationScoped
public class TreatmentOutcomeService {

    private static final Logger LOG = Logger.getLogger(TreatmentOutcomeService.class);
    public static final String RESOURCE = "treatment-outcome";
    public static final String ALREADY_RECORDED = "OUTCOME_ALREADY_RECORDED";

    private final TreatmentPlanRepository plans;
    private final TreatmentOutcomeRepository outcomes;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public TreatmentOutcomeService(TreatmentPlanRepository plans, TreatmentOutcomeRepository outcomes, Outbox outbox,
                                   AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** An outcome with the plan's baseline, which its improvement is worked out against. */
    public record PlanOutcome(TreatmentOutcome outcome, Measurement baseline) {
    }

    /** An outcome and whether this request stored it (false: the same assessment was already stored). */
    public record Recorded(PlanOutcome outcome, boolean created) {
    }

    /**
     * Records one assessment under the plan's lock, publishing OutcomeRecorded in the same transaction. A plan has at
     * most one value per scale and day, so a resent request (a retry after a lost answer) finds the one it stored and
     * gets it back without a second event; a different value for that scale and day is a conflict (409), not a
     * silent correction.
     */
    @Transactional
    public Recorded record(UUID referralId, Measurement measurement, LocalDate assessedOn) {
        TreatmentPlan plan = plans.locked(referralId).orElseThrow(() -> new NotFoundException("treatment plan", referralId));
        Optional<TreatmentOutcome> sameDay = outcomes.sameDay(referralId, measurement.measure(), assessedOn);
        if (sameDay.isPresent()) {
            TreatmentOutcome stored = sameDay.get();
            if (!stored.sameAs(measurement, assessedOn)) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("outcomeId", stored.id());
                properties.put("value", stored.value());
                throw new ConflictException(ALREADY_RECORDED, "an outcome on " + measurement.measure() + " assessed on "
                        + assessedOn + " is already recorded with another value", properties);
            }
            audit.record("READ", RESOURCE, stored.id(), referralId);
            return new Recorded(new PlanOutcome(stored, plan.baseline()), false);
        }
        TreatmentOutcome outcome = plan.recordOutcome(measurement, assessedOn, LocalDate.now(clock), clock.getZone(),
                Timestamps.now(clock));
        outcomes.persist(outcome);
        outbox.append(OutcomeRecorded.of(plan, outcome));
        audit.record("CREATE", RESOURCE, outcome.id(), referralId);
        LOG.infof("Outcome %s recorded for referral %s", outcome.id(), referralId);
        return new Recorded(new PlanOutcome(outcome, plan.baseline()), true);
    }

    @Transactional
    public PlanOutcome get(UUID referralId, UUID outcomeId) {
        TreatmentPlan plan = plans.findByIdOptional(referralId)
                .orElseThrow(() -> new NotFoundException("treatment plan", referralId));
        TreatmentOutcome outcome = outcomes.ofPlan(referralId, outcomeId)
                .orElseThrow(() -> new NotFoundException("treatment outcome", outcomeId));
        audit.record("READ", RESOURCE, outcomeId, referralId);
        return new PlanOutcome(outcome, plan.baseline());
    }
}
