package org.botoxclinic.scheduling.plan.messaging;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.platform.inbox.IncomingPayload;
import org.botoxclinic.scheduling.plan.domain.Authorization;

/** This service's reading of AuthorizationApproved: the window, visits and units, and the patient. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationApprovedMessage(UUID referralId, UUID authorizationId, String authorizationNumber,
                                           Integer approvedUnits, Integer approvedVisits, LocalDate validFrom,
                                           LocalDate validTo, String indication,
                                           ReferralAcceptedMessage.Patient patient) implements IncomingPayload {

    @Override
    public boolean isComplete() {
        return referralId != null && authorizationId != null && authorizationNumber != null && approvedUnits != null
                && approvedVisits != null && validFrom != null && validTo != null && indication != null;
    }

    Authorization authorization() {
        return new Authorization(authorizationId, authorizationNumber, validFrom, validTo, approvedVisits, approvedUnits);
    }
}
