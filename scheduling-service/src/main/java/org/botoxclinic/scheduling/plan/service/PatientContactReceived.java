package org.botoxclinic.scheduling.plan.service;

import java.util.UUID;

/**
 * Announced (as a synchronous CDI event, inside the consuming transaction) when an accepted referral brings the
 * patient's phone and email, so that the notification feature keeps them without the plan knowing about messages.
 * The patient id is the plan's (resolved through merges), or null for a plan without one. Never logged.
 */
public record PatientContactReceived(UUID referralId, UUID patientId, String phone, String email) {

    @Override
    public String toString() {
        return "PatientContactReceived[referralId=" + referralId + ", patientId=" + patientId + "]";
    }
}
