package org.botoxclinic.insurance.authorization.messaging;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.insurance.authorization.domain.Treatment;
import org.botoxclinic.platform.inbox.IncomingPayload;

/** This service's reading of TreatmentCompleted: the units used (administered plus wasted) and the date. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TreatmentCompletedMessage(UUID referralId, UUID appointmentId, UUID authorizationId,
                                        String authorizationNumber, LocalDate date, Integer unitsAdministered,
                                        Integer unitsWasted)
        implements IncomingPayload {

    /** The referral, appointment and date, and unit counts that are not negative. */
    @Override
    public boolean isComplete() {
        return referralId != null && appointmentId != null && date != null && unitsAdministered != null
                && unitsAdministered >= 0 && (unitsWasted == null || unitsWasted >= 0);
    }

    Treatment toDomain(UUID eventId) {
        return new Treatment(eventId, referralId, appointmentId, authorizationId, date, unitsAdministered,
                unitsWasted == null ? 0 : unitsWasted);
    }
}
