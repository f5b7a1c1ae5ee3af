package org.botoxclinic.scheduling.waitlist.domain;

import org.botoxclinic.scheduling.plan.domain.Authorization;

/**
 * The units a waiting patient's next treatment needs, for the dose limit at offer time: the units administered at the
 * plan's latest treatment (the patient's established dose), or, before the first, the per-visit dose the payer approved
 * (approved units divided by approved visits, rounded up: 310 U for 2 visits is 155 U).
 */
public final class UnitsNeeded {

    private UnitsNeeded() {
    }

    /** @param lastDose units administered at the plan's latest treatment, null when it has none */
    public static int of(Integer lastDose, Authorization authorization) {
        if (lastDose != null) {
            return lastDose;
        }
        if (authorization == null || authorization.approvedVisits() <= 0) {
            return 0;
        }
        return (authorization.approvedUnits() + authorization.approvedVisits() - 1) / authorization.approvedVisits();
    }
}
