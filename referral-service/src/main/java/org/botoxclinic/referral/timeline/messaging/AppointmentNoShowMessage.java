package org.botoxclinic.referral.timeline.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/** The closed loop's reading of AppointmentNoShow. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentNoShowMessage(UUID referralId, LocalDate date, OffsetDateTime recordedAt)
        implements ReportedProgress {

    @Override
    public ReferralProgress progress() {
        return ReferralProgress.NO_SHOW;
    }

    @Override
    public OffsetDateTime at() {
        return recordedAt;
    }

    @Override
    public String detail() {
        return "The patient missed the appointment on " + date;
    }
}
