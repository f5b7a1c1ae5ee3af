package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * What has been given under a case: every treatment, the units (administered plus wasted) and visits counted, and
 * whether use went beyond the approval. Nothing reported is dropped, however far beyond the approval it goes.
 */
@Embeddable
public class TreatmentUsage {

    @Column(name = "units_used")
    private int units;
    @Column(name = "visits_used")
    private int visits;
    @Column(name = "over_approval")
    private boolean overApproval;
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<TreatmentUse> uses = new ArrayList<>();

    /**
     * Counts a treatment inside the approval's window: one visit and its units; use beyond the approved units or
     * visits is counted and flagged.
     *
     * @return whether the approval's visits or units are now used up
     */
    boolean count(Treatment treatment, Approval approval, OffsetDateTime now) {
        units += treatment.unitsUsed();
        visits += 1;
        boolean beyond = units > approval.units() || visits > approval.visits();
        uses.add(new TreatmentUse(treatment, beyond, false, now));
        overApproval |= beyond;
        return visits >= approval.visits() || units >= approval.units();
    }

    /** A treatment no approval's window covers: kept and flagged, not counted. */
    void keepUncovered(Treatment treatment, OffsetDateTime now) {
        uses.add(new TreatmentUse(treatment, true, true, now));
        overApproval = true;
    }

    public int units() {
        return units;
    }

    public int visits() {
        return visits;
    }

    public boolean overApproval() {
        return overApproval;
    }

    public List<TreatmentUse> uses() {
        return Collections.unmodifiableList(uses);
    }
}
