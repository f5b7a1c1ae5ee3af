package org.botoxclinic.scheduling.appointment.domain;

import java.time.LocalDate;

import org.botoxclinic.scheduling.plan.domain.Authorization;

/**
 * Everything the booking rules look at, read under the plan's and the clinic day's locks.
 *
 * @param authorizationActive whether the plan's status lets it be booked (not denied, expired, exhausted, cancelled)
 * @param clinicDayOpen       null when the date is not a clinic day at all
 * @param bookedMinutes       minutes already booked that day, not counting the appointment being rescheduled
 * @param otherOpenAppointment whether the referral has another booked or checked-in appointment
 */
public record BookingRequest(LocalDate date,
                             boolean authorizationActive,
                             Authorization authorization,
                             int visitsUsed,
                             LocalDate lastTreatmentDate,
                             Boolean clinicDayOpen,
                             int capacityMinutes,
                             int bookedMinutes,
                             int durationMinutes,
                             boolean otherOpenAppointment) {
}
