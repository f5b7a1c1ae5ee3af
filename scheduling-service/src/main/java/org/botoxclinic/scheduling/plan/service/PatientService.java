package org.botoxclinic.scheduling.plan.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.RuleRefusedException;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.plan.repository.PatientAliasRepository;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.jboss.logging.Logger;

/**
 * The patient ids referral-service gives, as this service keys doses and cadence on them: resolved through the merges
 * it has heard of, and merged when referral-service merges two patients (PatientMerged).
 */
@ApplicationScoped
public class PatientService {

    private static final Logger LOG = Logger.getLogger(PatientService.class);
    public static final String RESOURCE = "patient";
    public static final String CONFLICTING_MERGE = "CONFLICTING_MERGE";

    private final PatientAliasRepository aliases;
    private final TreatmentPlanRepository plans;
    private final AuditTrail audit;
    private final Event<PatientsMerged> merges;
    private final Clock clock;

    public PatientService(PatientAliasRepository aliases, TreatmentPlanRepository plans, AuditTrail audit,
                          Event<PatientsMerged> merges, Clock clock) {
        this.aliases = aliases;
        this.plans = plans;
        this.audit = audit;
        this.merges = merges;
        this.clock = clock;
    }

    /**
     * The id the patient has now, with the patient's turn taken (see {@link TreatmentPlanRepository#takeTurn}). The id is
     * resolved again once the turn is held, since a merge may have committed while this waited for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID currentWithTurn(UUID patientId) {
        UUID current = aliases.resolve(patientId);
        while (true) {
            plans.takePatientTurns(List.of(current));
            UUID now = aliases.resolve(patientId);
            if (now.equals(current)) {
                return current;
            }
            current = now;
        }
    }

    /**
     * referral-service merged {@code mergedPatientId} into {@code patientId}: from now on they are one patient for the
     * dose limit and the cadence. The merged id becomes an alias of the survivor (and so does every id merged into it
     * before), its plans and those of the moved referrals without an id are re-keyed, and every plan of the survivor
     * gets the cadence of its indication across all of them. Delivered again, it changes nothing. A merge of an id that
     * was merged into another patient before cannot be applied as it is: refused (the event is parked for an operator).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merged(UUID patientId, UUID mergedPatientId, List<UUID> referralIds, OffsetDateTime mergedAt) {
        UUID survivor = aliases.resolve(patientId);
        while (true) {
            plans.takePatientTurns(List.of(survivor, mergedPatientId));
            UUID now = aliases.resolve(patientId);
            if (now.equals(survivor)) {
                break;
            }
            survivor = now;
        }
        if (survivor.equals(mergedPatientId)) {
            LOG.infof("Patient %s merged into %s, which is already %s: nothing to do", mergedPatientId, patientId, survivor);
            return;
        }
        OffsetDateTime now = Timestamps.now(clock);
        UUID earlierSurvivor = aliases.survivorOf(mergedPatientId).orElse(null);
        if (earlierSurvivor != null && !earlierSurvivor.equals(survivor)) {
            throw new RuleRefusedException(CONFLICTING_MERGE, "patient " + mergedPatientId + " was merged into "
                    + earlierSurvivor + " before, not into " + survivor, Map.of("mergedPatientId", mergedPatientId));
        }
        boolean recorded = earlierSurvivor == null && aliases.record(mergedPatientId, survivor, mergedAt, now);
        List<UUID> moved = plans.rekey(mergedPatientId, survivor, referralIds == null ? List.of() : referralIds, now);
        plans.refreshCadence(survivor);
        merges.fire(new PatientsMerged(survivor, mergedPatientId));
        if (recorded) {
            audit.record("MERGE", RESOURCE, mergedPatientId, null);
        }
        audit.recordAll("UPDATE", TreatmentPlanService.RESOURCE,
                moved.stream().map(referral -> new AuditTrail.Disclosed(referral, referral)).toList());
        LOG.infof("Patient %s merged into %s: %d treatment plans re-keyed%s", mergedPatientId, survivor, moved.size(),
                recorded ? "" : " (merge known before)");
    }
}
