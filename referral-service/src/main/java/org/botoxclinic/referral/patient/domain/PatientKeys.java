package org.botoxclinic.referral.patient.domain;

import java.time.LocalDate;

/**
 * What intake knows of a referral's patient that identifies them, as given (the repository folds it, see
 * {@code V4_6__patients.sql}): birth date, names, the insurance member id and the phone. Patient data: never logged.
 */
public record PatientKeys(LocalDate dateOfBirth, String firstName, String lastName, String memberId, String phone) {

    @Override
    public String toString() {
        return "PatientKeys[redacted]";
    }
}
