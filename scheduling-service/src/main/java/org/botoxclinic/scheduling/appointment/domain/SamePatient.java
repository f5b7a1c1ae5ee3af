package org.botoxclinic.scheduling.appointment.domain;

import java.util.UUID;

import org.botoxclinic.platform.domain.PatientIdentity;

/**
 * "The same patient" across referrals, defined once for the dose limit. With a patient id (referral-service's identity,
 * re-keyed by merges): every plan with that id, and every plan without an id whose first and last name (ignoring case)
 * and birth date are those of one of the patient's plans, since such a plan comes from before patients had ids and a
 * safety limit counts whatever may be the same person. Without a patient id (plans from before): as before, the same
 * first and last name, ignoring case, and the same birth date, on any plan, and, since such a plan may belong to a
 * patient with an id (under another spelling too, once merged), whatever counts for the patients with an id who have a
 * plan of that name; a plan lacking any of them is a patient of its own. The repository turns this into its query; the
 * patient's turn (the dose lock) follows the same rule.
 */
public record SamePatient(UUID referralId, UUID patientId, PatientIdentity identity) {

    /** Whether the plan carries the full name and birth date that patients without an id are recognised by. */
    public boolean named() {
        return identity != null && identity.firstName() != null && identity.lastName() != null
                && identity.dateOfBirth() != null;
    }
}
