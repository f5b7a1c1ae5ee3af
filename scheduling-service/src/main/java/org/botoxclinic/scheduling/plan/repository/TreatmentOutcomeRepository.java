package org.botoxclinic.scheduling.plan.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.scheduling.plan.domain.OutcomeMeasure;
import org.botoxclinic.scheduling.plan.domain.TreatmentOutcome;

/** The outcomes recorded for treatment plans. */
@ApplicationScoped
public class TreatmentOutcomeRepository implements PanacheRepositoryBase<TreatmentOutcome, UUID> {

    /** The plan's assessment on this scale that day, if there is one (there is at most one). */
    public Optional<TreatmentOutcome> sameDay(UUID referralId, OutcomeMeasure measure, LocalDate assessedOn) {
        return find("referralId = :referralId and measure = :measure and assessedOn = :assessedOn",
                Parameters.with("referralId", referralId).and("measure", measure).and("assessedOn", assessedOn))
                .firstResultOptional();
    }

    /** The plan's outcomes, most recently assessed first (the most recently recorded first within a day). */
    public List<TreatmentOutcome> ofPlan(UUID referralId) {
        return list("referralId", Sort.descending("assessedOn").and("recordedAt", Sort.Direction.Descending), referralId);
    }

    /** One outcome of one plan: an outcome id under another plan is not found. */
    public Optional<TreatmentOutcome> ofPlan(UUID referralId, UUID outcomeId) {
        return find("id = ?1 and referralId = ?2", outcomeId, referralId).firstResultOptional();
    }
}
