package org.botoxclinic.scheduling.notification.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message owed to a patient, and the history of sending it. Created QUEUED (or SUPPRESSED at once when the patient
 * opted out or left no way to reach them); the dispatcher sends it outside any transaction and records SENT, a retry
 * with back-off, or FAILED after the last attempt; a reminder whose appointment moved or was cancelled is SUPPRESSED.
 */
@Entity
@Table(name = "notification")
public class Notification {

    private static final String RESOURCE = "notification";

    /** Why a message was withdrawn or never queued. */
    public static final String OPTED_OUT = "OPTED_OUT";
    public static final String NO_CONTACT_DETAILS = "NO_CONTACT_DETAILS";
    public static final String APPOINTMENT_CHANGED = "APPOINTMENT_CHANGED";
    public static final String NO_LONGER_DUE = "NO_LONGER_DUE";

    @Id
    private UUID id;
    @Column(name = "once_key")
    private String onceKey;
    @Column(name = "referral_id")
    private UUID referralId;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @Enumerated(EnumType.STRING)
    private NotificationKind kind;
    @Column(name = "days_before")
    private Integer daysBefore;
    @Column(name = "slot_date")
    private LocalDate slotDate;
    @Column(name = "slot_time")
    private LocalTime slotTime;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    private NotificationStatus status;
    @Column(name = "status_reason")
    private String statusReason;
    private String subject;
    private String body;
    private int attempts;
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    @Column(name = "lease_token")
    private UUID leaseToken;
    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "sent_at")
    private OffsetDateTime sentAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Notification() {
    }

    /** The once-key of the reminder {@code daysBefore} days ahead of the appointment at its slot. */
    public static String reminderKey(UUID appointmentId, AppointmentSlot slot, int daysBefore) {
        return NotificationKind.REMINDER + "|" + appointmentId + "|" + slot.key() + "|" + daysBefore;
    }

    /** The once-key of the plan's recall in the cycle that began with the given treatment. */
    public static String recallKey(UUID referralId, LocalDate lastTreatment) {
        return NotificationKind.RECALL + "|" + referralId + "|" + lastTreatment;
    }

    /** A reminder of the appointment at its slot, {@code daysBefore} days ahead. */
    public static Notification reminder(UUID referralId, UUID appointmentId, AppointmentSlot slot, int daysBefore,
                                        MessageText text, Recipient recipient, OffsetDateTime now) {
        Notification n = create(reminderKey(appointmentId, slot, daysBefore), referralId, NotificationKind.REMINDER, text,
                recipient, now);
        n.appointmentId = appointmentId;
        n.daysBefore = daysBefore;
        n.slotDate = slot.date();
        n.slotTime = slot.startTime();
        return n;
    }

    /** A recall of the plan's patient, once per treatment cycle (the cycle named by the last treatment's date). */
    public static Notification recall(UUID referralId, LocalDate lastTreatment, LocalDate dueFrom, MessageText text,
                                      Recipient recipient, OffsetDateTime now) {
        Notification n = create(recallKey(referralId, lastTreatment), referralId, NotificationKind.RECALL, text, recipient,
                now);
        n.slotDate = dueFrom;
        return n;
    }

    private static Notification create(String onceKey, UUID referralId, NotificationKind kind, MessageText text,
                                       Recipient recipient, OffsetDateTime now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.onceKey = onceKey;
        n.referralId = referralId;
        n.kind = kind;
        n.subject = text.subject();
        n.body = text.body();
        n.createdAt = now;
        n.updatedAt = now;
        if (recipient.reachable()) {
            n.channel = recipient.channel();
            n.status = NotificationStatus.QUEUED;
            n.nextAttemptAt = now;
        } else {
            n.channel = recipient.channel();
            n.status = NotificationStatus.SUPPRESSED;
            n.statusReason = recipient.unreachableReason();
        }
        return n;
    }

    /** The message went out, on the channel it was sent by (the patient's choice when it was sent). */
    public void sent(Channel by, OffsetDateTime now) {
        attempts++;
        channel = by;
        lastAttemptAt = now;
        lastError = null;
        status = status.moveTo(NotificationStatus.SENT, RESOURCE, "sent");
        sentAt = now;
        leaseToken = null;
        updatedAt = now;
    }

    /** The attempt failed: tried again after the schedule's wait, or failed for good after the last attempt. */
    public void failed(Channel by, String error, RetrySchedule schedule, OffsetDateTime now) {
        attempts++;
        channel = by;
        lastAttemptAt = now;
        lastError = error;
        leaseToken = null;
        if (schedule.givesUpAfter(attempts)) {
            status = status.moveTo(NotificationStatus.FAILED, RESOURCE, "failed");
            nextAttemptAt = null;
        } else {
            nextAttemptAt = now.plus(schedule.delayAfter(attempts));
        }
        updatedAt = now;
    }

    /** Withdrawn before it was sent. */
    public void suppress(String reason, OffsetDateTime now) {
        status = status.moveTo(NotificationStatus.SUPPRESSED, RESOURCE, "suppressed");
        statusReason = reason;
        nextAttemptAt = null;
        leaseToken = null;
        updatedAt = now;
    }

    /**
     * The attempt holding the lease is about to send: its lease runs until {@code until}, so that no other run claims
     * the message while it is in flight (each send is cut off well before).
     */
    public void extendLease(OffsetDateTime until) {
        nextAttemptAt = until;
    }

    /** Whether the attempt holding this lease may still record its outcome. */
    public boolean heldBy(UUID lease) {
        return status == NotificationStatus.QUEUED && lease != null && lease.equals(leaseToken);
    }

    public UUID id() { return id; }
    public String onceKey() { return onceKey; }
    public UUID referralId() { return referralId; }
    public UUID appointmentId() { return appointmentId; }
    public NotificationKind kind() { return kind; }
    public Integer daysBefore() { return daysBefore; }
    public LocalDate slotDate() { return slotDate; }
    public LocalTime slotTime() { return slotTime; }
    public Channel channel() { return channel; }
    public NotificationStatus status() { return status; }
    public String statusReason() { return statusReason; }
    public String subject() { return subject; }
    public String body() { return body; }
    public int attempts() { return attempts; }
    public OffsetDateTime nextAttemptAt() { return nextAttemptAt; }
    public OffsetDateTime lastAttemptAt() { return lastAttemptAt; }
    public String lastError() { return lastError; }
    public OffsetDateTime sentAt() { return sentAt; }
    public OffsetDateTime createdAt() { return createdAt; }
}
