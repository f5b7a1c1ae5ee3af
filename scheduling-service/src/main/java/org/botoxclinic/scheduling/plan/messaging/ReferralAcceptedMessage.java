package org.botoxclinic.scheduling.plan.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.platform.inbox.IncomingPayload;

/**
 * This service's reading of ReferralAccepted: the patient, their id (absent from records published before events
 * carried it) and the indication.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralAcceptedMessage(UUID referralId, UUID patientId, OffsetDateTime acceptedAt, String indication,
                                      Patient patient) implements IncomingPayload {

    /** The patient as the referral and authorization events describe them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {

        PatientIdentity identity() {
            return new PatientIdentity(firstName, lastName, dateOfBirth, sex);
        }
    }

    @Override
    public boolean isComplete() {
        return referralId != null && indication != null && patient != null;
    }
}
