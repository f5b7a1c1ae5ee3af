package org.botoxclinic.referral.patient.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Two live patients that may be the same person, with why; {@code patientId} sorts before {@code otherPatientId}. */
public record PossibleDuplicate(LocalDate dateOfBirth, UUID patientId, UUID otherPatientId, List<DuplicateReason> reasons) {
}
