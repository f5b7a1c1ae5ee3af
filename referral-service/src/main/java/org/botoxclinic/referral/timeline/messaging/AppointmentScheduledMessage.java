package org.botoxclinic.referral.timeline.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/** The closed loop's reading of AppointmentScheduled. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentScheduledMessage(UUID referralId, LocalDate date, OffsetDateTime scheduledAt)
        implements ReportedProgress {

    @Override
    public ReferralProgress progress() {
        return ReferralProgress.APPOINTMENT_SCHEDULED;
    }

    @Override
    public OffsetDateTime at() {
        return scheduledAt;
    }

    @Override
    public String detail() {
        return "Appointment booked for " + date;
    }
}
