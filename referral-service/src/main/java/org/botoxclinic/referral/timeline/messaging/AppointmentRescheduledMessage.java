package org.botoxclinic.referral.timeline.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/** The closed loop's reading of AppointmentRescheduled: to the PCP, the appointment is scheduled again. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentRescheduledMessage(UUID referralId, LocalDate previousDate, LocalDate date,
                                            OffsetDateTime rescheduledAt) implements ReportedProgress {

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
        return "Appointment moved from " + previousDate + " to " + date;
    }
}
