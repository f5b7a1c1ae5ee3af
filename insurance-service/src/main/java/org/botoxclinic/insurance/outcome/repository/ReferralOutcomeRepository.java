package org.botoxclinic.insurance.outcome.repository;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.insurance.outcome.domain.ReferralOutcome;

/** The outcomes recorded for each referral, and which one is the latest of a measure. */
@ApplicationScoped
public class ReferralOutcomeRepository implements PanacheRepositoryBase<ReferralOutcome, UUID> {

    /** Stores the outcome once; the same outcome republished under a new event id changes nothing. */
    public boolean remember(ReferralOutcome outcome) {
        return getEntityManager().createNativeQuery("""
                        insert into referral_outcome (outcome_id, referral_id, indication, measure, value, baseline_value,
                                                      improvement_percent, assessed_on, treatments_completed, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        on conflict (outcome_id) do nothing""")
                .setParameter(1, outcome.outcomeId())
                .setParameter(2, outcome.referralId())
                .setParameter(3, outcome.indication())
                .setParameter(4, outcome.measure())
                .setParameter(5, outcome.value())
                .setParameter(6, outcome.baselineValue())
                .setParameter(7, outcome.improvementPercent())
                .setParameter(8, outcome.assessedOn())
                .setParameter(9, outcome.treatmentsCompleted())
                .setParameter(10, outcome.recordedAt())
                .executeUpdate() > 0;
    }

    /**
     * The referral's most recent outcome of the measure: the latest assessment, and of two on one day the one recorded
     * last (outcomes may arrive out of order; the assessment date decides, not the arrival).
     */
    public Optional<ReferralOutcome> latest(UUID referralId, String measure) {
        return find("referralId = ?1 and measure = ?2",
                Sort.descending("assessedOn").and("recordedAt", Sort.Direction.Descending).and("outcomeId", Sort.Direction.Descending),
                referralId, measure).firstResultOptional();
    }
}
