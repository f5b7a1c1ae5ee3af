package org.botoxclinic.scheduling.notification.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.scheduling.notification.domain.Channel;
import org.botoxclinic.scheduling.notification.domain.Notification;
import org.botoxclinic.scheduling.notification.domain.NotificationKind;
import org.botoxclinic.scheduling.notification.domain.NotificationStatus;

/**
 * A message owed to a referral's patient and how sending it went; never the address it went to. {@code slotDate} and
 * {@code slotTime} are the appointment's slot (reminders) or the day the patient is due from (recalls).
 */
public record NotificationView(UUID id, UUID referralId, UUID appointmentId, NotificationKind kind, Integer daysBefore,
                               LocalDate slotDate, LocalTime slotTime, Channel channel, NotificationStatus status,
                               String statusReason, int attempts, OffsetDateTime nextAttemptAt,
                               OffsetDateTime lastAttemptAt, String lastError, OffsetDateTime sentAt,
                               OffsetDateTime createdAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.referralId(), n.appointmentId(), n.kind(), n.daysBefore(), n.slotDate(),
                n.slotTime(), n.channel(), n.status(), n.statusReason(),
                n.attempts(), n.nextAttemptAt(), n.lastAttemptAt(), n.lastError(), n.sentAt(), n.createdAt());
    }
}
