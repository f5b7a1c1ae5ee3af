package org.botoxclinic.scheduling.plan.domain;

import java.time.LocalDate;
import java.util.UUID;

/** The payer's approval that makes visits bookable: its window, visits and units. */
public record Authorization(UUID id, String number, LocalDate validFrom, LocalDate validTo, int approvedVisits,
                            int approvedUnits) {

    /** Both edges of the window are covered days. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
