package org.botoxclinic.insurance.authorization.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.insurance.authorization.domain.AcceptedReferral;

/** This service's reading of ReferralAccepted: only the fields it uses, tolerant of the rest. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralAcceptedMessage(UUID referralId, String indication, List<String> diagnosisCodes, Patient patient,
                                      Insurance insurance, Map<String, Object> clinicalDetails) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Insurance(String payerId, String payerName, String memberId, String groupNumber, String planType) {
    }

    AcceptedReferral toDomain() {
        return new AcceptedReferral(referralId, indication, diagnosisCodes == null ? List.of() : diagnosisCodes,
                insurance.payerId(), insurance.payerName(), insurance.memberId(), insurance.groupNumber(),
                insurance.planType(), patient.firstName(), patient.lastName(), patient.dateOfBirth(), patient.sex(),
                clinicalDetails);
    }

    boolean isComplete() {
        return referralId != null && indication != null && patient != null && insurance != null
                && patient.dateOfBirth() != null && insurance.payerId() != null && insurance.memberId() != null;
    }
}
