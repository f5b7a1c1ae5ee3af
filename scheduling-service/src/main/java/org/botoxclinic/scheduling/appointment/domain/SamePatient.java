package org.botoxclinic.scheduling.appointment.domain;

import java.util.UUID;

import org.botoxclinic.platform.domain.PatientIdentity;

/**
 * "The same patient" across referrals, defined once for the dose limit until patients have an identity of their own
 * (another issue): the same first and last name, ignoring case, and the same birth date. A referral whose patient lacks
 * any of them is a patient of its own. The repository turns this into its query and its per-patient lock.
 */
public record SamePatient(UUID referralId, PatientIdentity identity) {

    /** Whether the patient can be recognised on other referrals at all. */
    public boolean identified() {
        return identity != null && identity.firstName() != null && identity.lastName() != null
                && identity.dateOfBirth() != null;
    }
}
