package org.botoxclinic.referral.patient.domain;

import java.time.LocalDate;

/** Who the patient is, as their most recent referral gives it: patient data, never logged. */
public record Demographics(String firstName, String lastName, LocalDate dateOfBirth, String sex, String phone, String email,
                           Address address) {

    public record Address(String line1, String line2, String city, String state, String postalCode) {
    }

    @Override
    public String toString() {
        return "Demographics[redacted]";
    }
}
