package org.botoxclinic.referral.patient.domain;

import java.util.List;
import java.util.UUID;

/**
 * A patient as staff read it: the live patient (the survivor when the id asked for was merged, which is then
 * {@code resolvedFrom}), who they are, every referral now theirs and the ids merged into them.
 */
public record PatientRecord(Patient patient, UUID resolvedFrom, Demographics demographics, List<PatientReferral> referrals,
                            List<UUID> mergedPatientIds) {
}
