package org.botoxclinic.referral.patient.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One of a patient's referrals, as the patient view lists it. */
public record PatientReferral(UUID id, String status, String indication, OffsetDateTime createdAt) {
}
