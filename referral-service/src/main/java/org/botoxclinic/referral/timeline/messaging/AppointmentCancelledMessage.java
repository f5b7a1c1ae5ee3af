package org.botoxclinic.referral.timeline.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/** The closed loop's reading of AppointmentCancelled, by the patient or the clinic. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentCancelledMessage(UUID referralId, LocalDate date, String cancelledBy, String reason,
                                          OffsetDateTime cancelledAt) implements ReportedProgress {

    @Override
    public ReferralProgress progress() {
        return ReferralProgress.APPOINTMENT_CANCELLED;
    }

    @Override
    public OffsetDateTime at() {
        return cancelledAt;
    }

    @Override
    public String detail() {
        return "Appointment on " + date + " cancelled"
                + (cancelledBy == null ? "" : " by the " + cancelledBy.toLowerCase(Locale.ROOT))
                + (reason == null ? "" : ": " + reason);
    }
}
