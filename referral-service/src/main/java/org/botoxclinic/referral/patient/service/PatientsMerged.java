package org.botoxclinic.referral.patient.service;

import java.util.List;
import java.util.UUID;

/**
 * Fired (CDI, synchronously, in the merge's transaction) after a patient was merged into another, for the features
 * that keep something per patient: the referrals listed now belong to {@code patientId}.
 */
public record PatientsMerged(UUID patientId, UUID mergedPatientId, List<UUID> referralIds) {
}
