package org.botoxclinic.scheduling.plan.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of ReferralAccepted: the patient and the indication. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralAcceptedMessage(UUID referralId, OffsetDateTime acceptedAt, String indication, Patient patient) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
    }
}
