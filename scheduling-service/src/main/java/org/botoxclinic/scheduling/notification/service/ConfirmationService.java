package org.botoxclinic.scheduling.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.notification.domain.AppointmentSlot;
import org.botoxclinic.scheduling.notification.domain.ConfirmationRefused;
import org.botoxclinic.scheduling.notification.repository.AppointmentConfirmationRepository;
import org.botoxclinic.scheduling.notification.repository.NotificationRepository;
import org.jboss.logging.Logger;

/** A patient confirms an appointment through the link of a reminder, without logging in. */
@ApplicationScoped
public class ConfirmationService {

    private static final Logger LOG = Logger.getLogger(ConfirmationService.class);
    public static final String SLOT_CHANGED = "SLOT_CHANGED";
    static final String RESOURCE = "appointment";

    /** The appointment's slot, confirmed (now or before). */
    public record Confirmation(UUID appointmentId, AppointmentSlot slot, OffsetDateTime confirmedAt) {
    }

    private final AppointmentRepository appointments;
    private final AppointmentConfirmationRepository confirmations;
    private final NotificationRepository notifications;
    private final ConfirmationTokens tokens;
    private final ConfirmationRateLimit rateLimit;
    private final AuditTrail audit;
    private final Clock clock;

    public ConfirmationService(AppointmentRepository appointments, AppointmentConfirmationRepository confirmations,
                               NotificationRepository notifications, ConfirmationTokens tokens,
                               ConfirmationRateLimit rateLimit, AuditTrail audit, Clock clock) {
        this.appointments = appointments;
        this.confirmations = confirmations;
        this.notifications = notifications;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Confirms the appointment at its current slot when the token is that slot's. A token of a slot the appointment
     * had before (a reminder sent before a reschedule) is refused with 409 {@value #SLOT_CHANGED}; any other token, or
     * an unknown appointment, with {@link ConfirmationRefused} (403). An appointment no longer booked cannot be
     * confirmed (409 with its status). Confirming again changes nothing.
     */
    @Transactional
    public Confirmation confirm(UUID appointmentId, String token) {
        rateLimit.admit(appointmentId);
        Appointment appointment = appointments.findByIdOptional(appointmentId).orElse(null);
        if (appointment == null) {
            throw new ConfirmationRefused();
        }
        AppointmentSlot slot = AppointmentSlots.of(appointment);
        if (!tokens.matches(token, appointmentId, slot)) {
            boolean earlierSlot = notifications.remindedSlots(appointmentId).stream()
                    .anyMatch(s -> !s.equals(slot) && tokens.matches(token, appointmentId, s));
            audit.recordDenied("CONFIRM", RESOURCE, appointmentId, appointment.referralId());
            if (earlierSlot) {
                throw new ConflictException(SLOT_CHANGED, "the appointment has moved since this link was sent: "
                        + "use the link of the latest message", Map.of());
            }
            throw new ConfirmationRefused();
        }
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw new IllegalTransitionException(RESOURCE, appointment.status(), "confirmed");
        }
        OffsetDateTime now = Timestamps.now(clock);
        boolean recorded = confirmations.confirm(appointmentId, slot, now);
        if (recorded) {
            audit.record("CONFIRM", RESOURCE, appointmentId, appointment.referralId());
            LOG.infof("Appointment %s for referral %s confirmed through its link", appointmentId, appointment.referralId());
        }
        return new Confirmation(appointmentId, slot, confirmations.confirmedAt(appointmentId, slot));
    }
}
