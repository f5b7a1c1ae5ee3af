package org.botoxclinic.insurance.authorization.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A treatment scheduling-service reports as given; units used are those administered plus those wasted (JW). */
public record Treatment(UUID eventId, UUID referralId, UUID appointmentId, UUID authorizationId, LocalDate date,
                        int unitsAdministered, int unitsWasted) {

    public int unitsUsed() {
        return unitsAdministered + unitsWasted;
    }
}
