package org.botoxclinic.insurance.authorization.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.platform.domain.Coverage;

/**
 * What insurance-service takes from an accepted referral to open a case; the clinical details prove checklist items.
 * {@code patientId} is referral-service's patient identity, null on referrals accepted before it existed.
 */
public record AcceptedReferral(UUID referralId, UUID patientId, String indication, List<String> diagnosisCodes,
                               PatientIdentity patient, Coverage coverage, Map<String, Object> clinicalDetails) {

    /** A referral without a patient id. */
    public AcceptedReferral(UUID referralId, String indication, List<String> diagnosisCodes, PatientIdentity patient,
                            Coverage coverage, Map<String, Object> clinicalDetails) {
        this(referralId, null, indication, diagnosisCodes, patient, coverage, clinicalDetails);
    }

    /** The same referral, filed under the patient the id resolves to now. */
    public AcceptedReferral withPatientId(UUID resolved) {
        return new AcceptedReferral(referralId, resolved, indication, diagnosisCodes, patient, coverage, clinicalDetails);
    }
}
