package org.botoxclinic.referral.timeline.messaging;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/**
 * The closed loop's reading of AppointmentScheduled: the day and, from records that carry it, the start time (local to
 * the clinic) and the start as an instant; chairs and injectors are the clinic's business, not the PCP's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppointmentScheduledMessage(UUID referralId, LocalDate date, OffsetDateTime scheduledAt,
                                          LocalTime startTime, String startsAt)
        implements ReportedProgress {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

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
        return "Appointment booked for " + date + (startTime == null ? "" : " at " + HH_MM.format(startTime));
    }

    @Override
    public Map<String, Object> details() {
        return timeDetails(date, startTime, startsAt);
    }

    /** The appointment's day, start time (HH:mm) and start instant, for the PCP's system; null without a time. */
    static Map<String, Object> timeDetails(LocalDate date, LocalTime startTime, String startsAt) {
        if (startTime == null) {
            return null;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("date", String.valueOf(date));
        details.put("startTime", HH_MM.format(startTime));
        // As the event says it, with the clinic's offset (read as a date-time, it would be moved to UTC).
        if (startsAt != null) {
            try {
                details.put("startsAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(startsAt)));
            } catch (DateTimeParseException e) {
                // Not a date-time: the line and the start time still say when.
            }
        }
        return details;
    }
}
