package org.botoxclinic.referral.timeline.messaging;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/**
 * The closed loop's reading of AppointmentRescheduled: to the PCP, the appointment is scheduled again, on its new day
 * and (from records that carry it) at its new time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentRescheduledMessage(UUID referralId, LocalDate previousDate, LocalDate date,
                                            OffsetDateTime rescheduledAt, LocalTime previousStartTime,
                                            LocalTime startTime, String startsAt) implements ReportedProgress {

    @Override
    public ReferralProgress progress() {
        return ReferralProgress.APPOINTMENT_SCHEDULED;
    }

    @Override
    public OffsetDateTime at() {
        return rescheduledAt;
    }

    @Override
    public String detail() {
        if (startTime == null) {
            return "Appointment moved from " + previousDate + " to " + date;
        }
        String from = previousDate + (previousStartTime == null ? ""
                : " " + AppointmentScheduledMessage.HH_MM.format(previousStartTime));
        return "Appointment moved from " + from + " to " + date + " at "
                + AppointmentScheduledMessage.HH_MM.format(startTime);
    }

    @Override
    public Map<String, Object> details() {
        return AppointmentScheduledMessage.timeDetails(date, startTime, startsAt);
    }
}
