package org.botoxclinic.insurance.authorization.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.insurance.authorization.domain.AcceptedReferral;
import org.botoxclinic.platform.domain.Coverage;
import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.platform.inbox.IncomingPayload;

/** This service's reading of ReferralAccepted: only the fields it uses, tolerant of the rest. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralAcceptedMessage(UUID referralId, UUID patientId, String indication, List<String> diagnosisCodes, Patient patient,
                                      Insurance insurance, Map<String, Object> clinicalDetails)
        implements IncomingPayload {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Insurance(String payerId, String payerName, String memberId, String groupNumber, String planType) {
    }

    AcceptedReferral toDomain() {
        return new AcceptedReferral(referralId, patientId, indication, diagnosisCodes == null ? List.of() : diagnosisCodes,
                new PatientIdentity(patient.firstName(), patient.lastName(), patient.dateOfBirth(), patient.sex()),
                new Coverage(insurance.payerId(), insurance.payerName(), insurance.memberId(), insurance.groupNumber(),
                        insurance.planType()),
                clinicalDetails);
    }

    /** The referral, its indication, the patient's birth date, the payer and the member id. */
    @Override
    public boolean isComplete() {
        return referralId != null && indication != null && patient != null && insurance != null
                && patient.dateOfBirth() != null && insurance.payerId() != null && insurance.memberId() != null;
    }
}
