package org.botoxclinic.scheduling.plan.service;

import java.util.UUID;

/**
 * Announced (as a synchronous CDI event, inside the cancelling transaction) when a referral's plan is cancelled,
 * so that the appointment feature calls off what was booked without the plan knowing about appointments.
 */
public record TreatmentPlanCancelled(UUID referralId, String reason) {
}
