package org.botoxclinic.scheduling.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.notification.domain.AppointmentSlot;
import org.botoxclinic.scheduling.notification.domain.Channel;
import org.botoxclinic.scheduling.notification.domain.ContactPreference;
import org.botoxclinic.scheduling.notification.domain.MessageText;
import org.botoxclinic.scheduling.notification.domain.Notification;
import org.botoxclinic.scheduling.notification.domain.NotificationKind;
import org.botoxclinic.scheduling.notification.domain.Recipient;
import org.botoxclinic.scheduling.notification.domain.RetrySchedule;
import org.botoxclinic.scheduling.notification.domain.SendFailure;
import org.botoxclinic.scheduling.notification.repository.ContactPreferenceRepository;
import org.botoxclinic.scheduling.notification.repository.NotificationRepository;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.jboss.logging.Logger;

/**
 * Sends the queued messages that are due, at least once each. A run claims a batch (a lease written in the rows, so no
 * other run or replica sends them meanwhile), then for each message: checks in a short transaction that it is still
 * owed (a reminder's appointment still booked at its slot; the patient not opted out) and where it goes now, sends it
 * outside any transaction (cut off at {@code send-timeout}), and records the outcome if it still holds the lease:
 * SENT, or a retry after a back-off, or FAILED after the last attempt. A crash between sending and recording sends the
 * message again once the lease has run out.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);

    private final NotificationRepository notifications;
    private final AppointmentRepository appointments;
    private final TreatmentPlanRepository plans;
    private final ContactPreferenceRepository contacts;
    private final Map<Channel, MessageSender> senders = new EnumMap<>(Channel.class);
    private final NotificationConfig config;
    private final Clock clock;

    public NotificationDispatcher(NotificationRepository notifications, AppointmentRepository appointments,
                                  TreatmentPlanRepository plans, ContactPreferenceRepository contacts,
                                  Instance<MessageSender> senders, NotificationConfig config, Clock clock) {
        this.notifications = notifications;
        this.appointments = appointments;
        this.plans = plans;
        this.contacts = contacts;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.config = config;
        this.clock = clock;
    }

    /** Sends what is due at the clock's current instant; returns how many messages it attempted. */
    public int dispatch() {
        int attempted = 0;
        while (true) {
            UUID lease = UUID.randomUUID();
            OffsetDateTime now = Timestamps.now(clock);
            List<UUID> claimed = QuarkusTransaction.requiringNew()
                    .call(() -> notifications.claimDue(now, now.plus(leaseLength()), lease, config.batchSize()));
            for (UUID id : claimed) {
                try {
                    if (attempt(id, lease)) {
                        attempted++;
                    }
                } catch (RuntimeException e) {
                    // The lease runs out and the message is claimed again: at least once.
                    LOG.warnf("Notification %s could not be attempted: %s", id, e.getClass().getSimpleName());
                }
            }
            if (claimed.size() < config.batchSize()) {
                return attempted;
            }
        }
    }

    /** Longer than any attempt can last, since each is cut off at its deadline. */
    Duration leaseLength() {
        return config.sendTimeout().multipliedBy(2).plusSeconds(10);
    }

    private record Outgoing(Channel channel, String address, MessageText text) {
        @Override
        public String toString() {
            return "Outgoing[" + channel + "]";
        }
    }

    /** Returns whether the message was handed to a sender (false: withdrawn, or no longer this run's). */
    private boolean attempt(UUID id, UUID lease) {
        Outgoing outgoing = QuarkusTransaction.requiringNew().call(() -> prepare(id, lease));
        if (outgoing == null) {
            return false;
        }
        String error = null;
        try {
            MessageSender sender = senders.get(outgoing.channel());
            if (sender == null) {
                throw new IllegalStateException("no sender for " + outgoing.channel());
            }
            sender.send(outgoing.address(), outgoing.text(), config.sendTimeout());
        } catch (RuntimeException e) {
            error = SendFailure.describe(e);
        }
        record(id, lease, outgoing.channel(), error);
        return true;
    }

    /** Whether the message is still owed and where it goes; withdraws it when it is not. */
    private Outgoing prepare(UUID id, UUID lease) {
        Notification notification = notifications.locked(id);
        if (notification == null || !notification.heldBy(lease)) {
            return null;
        }
        OffsetDateTime now = Timestamps.now(clock);
        if (notification.kind() == NotificationKind.REMINDER && !stillAtItsSlot(notification)) {
            notification.suppress(Notification.APPOINTMENT_CHANGED, now);
            return null;
        }
        TreatmentPlan plan = plans.findById(notification.referralId());
        Recipient recipient = contacts.forPlan(plan == null ? null : plan.patientId(), notification.referralId())
                .map(ContactPreference::recipient)
                .orElse(Recipient.unreachable(Notification.NO_CONTACT_DETAILS));
        if (!recipient.reachable()) {
            notification.suppress(recipient.unreachableReason(), now);
            LOG.infof("Notification %s for referral %s withdrawn: %s", id, notification.referralId(),
                    recipient.unreachableReason());
            return null;
        }
        notification.extendLease(now.plus(leaseLength()));
        return new Outgoing(recipient.channel(), recipient.address(),
                new MessageText(notification.subject(), notification.body()));
    }

    private boolean stillAtItsSlot(Notification notification) {
        Appointment appointment = appointments.findById(notification.appointmentId());
        return appointment != null && appointment.status() == AppointmentStatus.BOOKED
                && AppointmentSlots.of(appointment).equals(new AppointmentSlot(notification.slotDate(), notification.slotTime()));
    }

    private void record(UUID id, UUID lease, Channel channel, String error) {
        RetrySchedule schedule = new RetrySchedule(config.firstRetry(), config.maxRetry(), config.maxAttempts());
        QuarkusTransaction.requiringNew().run(() -> {
            Notification notification = notifications.locked(id);
            if (!notification.heldBy(lease)) {
                LOG.infof("Notification %s is no longer held by this attempt (%s)", id, notification.status());
                return;
            }
            OffsetDateTime now = Timestamps.now(clock);
            if (error == null) {
                notification.sent(channel, now);
                LOG.infof("Notification %s for referral %s sent by %s", id, notification.referralId(), channel);
            } else {
                notification.failed(channel, error, schedule, now);
                LOG.infof("Notification %s for referral %s not sent (attempt %d, %s): %s", id, notification.referralId(),
                        notification.attempts(), notification.status(), error);
            }
        });
    }
}
