package org.botoxclinic.scheduling.plan.domain;

import java.util.UUID;

/**
 * What a plan needs to know of its referral's appointments. The appointment feature answers it (appointments
 * depend on plans, never the reverse).
 */
public interface PlanBookings {

    /** Whether the referral has a booked or checked-in appointment. */
    boolean hasOpenAppointment(UUID referralId);
}
