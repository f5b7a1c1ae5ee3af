package org.botoxclinic.referral.timeline.messaging;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.botoxclinic.referral.timeline.domain.TimelineType;

/** Turns another service's event into the line the referring PCP reads; events the PCP does not need give nothing. */
public final class ReportedEntries {

    /** A timeline line: when, what, and in words. */
    public record Entry(TimelineType type, OffsetDateTime at, String detail) {
    }

    private ReportedEntries() {
    }

    public static Optional<Entry> of(String eventType, ReportedEvent e) {
        return Optional.ofNullable(switch (eventType) {
            case "AuthorizationSubmitted" -> new Entry(TimelineType.AUTHORIZATION_SUBMITTED, e.submittedAt(),
                    "Submitted to the payer" + (e.channel() == null ? "" : " by " + e.channel().toLowerCase(Locale.ROOT))
                            + (e.decisionDueAt() == null ? "" : "; decision due by " + e.decisionDueAt()));
            case "AuthorizationApproved" -> new Entry(TimelineType.AUTHORIZATION_APPROVED, e.decidedAt(),
                    ("PARTIALLY_APPROVED".equals(e.outcome()) ? "Partially approved" : "Approved")
                            + ": authorization " + e.authorizationNumber() + ", " + e.approvedVisits() + " visits, "
                            + e.approvedUnits() + " units, valid " + e.validFrom() + " to " + e.validTo());
            case "AuthorizationDenied" -> new Entry(TimelineType.AUTHORIZATION_DENIED, e.decidedAt(),
                    "Denied by the payer: " + e.denialReason());
            case "AppointmentScheduled" -> new Entry(TimelineType.APPOINTMENT_SCHEDULED, e.scheduledAt(),
                    "Appointment booked for " + e.date());
            case "AppointmentRescheduled" -> new Entry(TimelineType.APPOINTMENT_SCHEDULED, e.rescheduledAt(),
                    "Appointment moved from " + e.previousDate() + " to " + e.date());
            case "AppointmentCancelled" -> new Entry(TimelineType.APPOINTMENT_CANCELLED, e.cancelledAt(),
                    "Appointment on " + e.date() + " cancelled"
                            + (e.cancelledBy() == null ? "" : " by the " + e.cancelledBy().toLowerCase(Locale.ROOT))
                            + (e.reason() == null ? "" : ": " + e.reason()));
            case "AppointmentNoShow" -> new Entry(TimelineType.NO_SHOW, e.recordedAt(),
                    "The patient missed the appointment on " + e.date());
            case "TreatmentCompleted" -> new Entry(TimelineType.TREATMENT_COMPLETED, e.completedAt(),
                    "Treated on " + e.date());
            default -> null;
        });
    }
}
