package org.botoxclinic.scheduling.notification.repository;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.notification.domain.AppointmentSlot;
import org.botoxclinic.scheduling.notification.domain.Notification;

/**
 * Messages to patients: each created once (its once-key), claimed for sending one lease at a time, withdrawn when
 * their appointment moved, and listed per referral.
 */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** Where a page of a referral's messages ended. */
    public record After(OffsetDateTime createdAt, UUID id) {
    }

    /**
     * Stores the message unless one with its once-key exists (written by an earlier run, or by another replica at the
     * same moment): the database decides, so the same reminder is never stored twice.
     *
     * @return whether it was stored
     */
    public boolean insertOnce(Notification n) {
        return getEntityManager().createNativeQuery("""
                        insert into notification (id, once_key, referral_id, appointment_id, kind, days_before, slot_date,
                                                  slot_time, channel, status, status_reason, subject, body, attempts,
                                                  next_attempt_at, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, ?14, ?15, ?15)
                        on conflict (once_key) do nothing""")
                .setParameter(1, n.id())
                .setParameter(2, n.onceKey())
                .setParameter(3, n.referralId())
                .setParameter(4, n.appointmentId())
                .setParameter(5, n.kind().name())
                .setParameter(6, n.daysBefore())
                .setParameter(7, n.slotDate())
                .setParameter(8, n.slotTime())
                .setParameter(9, n.channel() == null ? null : n.channel().name())
                .setParameter(10, n.status().name())
                .setParameter(11, n.statusReason())
                .setParameter(12, n.subject())
                .setParameter(13, n.body())
                .setParameter(14, n.nextAttemptAt())
                .setParameter(15, n.createdAt())
                .executeUpdate() == 1;
    }

    /**
     * Claims up to {@code limit} queued messages that are due: their next attempt moves to the lease's end and the
     * lease's token is written, so that no other run (of this replica or another) sends them meanwhile and only the
     * holder records the outcome. Rows locked by another claim are skipped. Oldest due first.
     */
    public List<UUID> claimDue(OffsetDateTime now, OffsetDateTime leaseEnd, UUID lease, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        update notification set next_attempt_at = ?1, lease_token = ?2
                         where id in (select id from notification
                                       where status = 'QUEUED' and next_attempt_at <= ?3
                                       order by next_attempt_at, id limit ?4 for update skip locked)
                        returning id""", UUID.class)
                .setParameter(1, leaseEnd)
                .setParameter(2, lease)
                .setParameter(3, now)
                .setParameter(4, limit)
                .getResultList();
        return ids;
    }

    public Notification locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Withdraws the queued reminders whose appointment is no longer booked, or no longer at the slot they were written
     * for (cancelled, rescheduled, missed, checked in). One statement, run by every planner pass. A message a dispatcher
     * holds (its lease still running) is left to it: it checks the appointment itself before sending, and a message
     * already on its way is recorded as sent, as it was.
     *
     * @return how many were withdrawn
     */
    public int suppressChangedReminders(OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                        update notification n set status = 'SUPPRESSED', status_reason = ?1, next_attempt_at = null,
                                                  lease_token = null, updated_at = ?2
                          from appointment a
                         where n.status = 'QUEUED' and n.kind = 'REMINDER' and a.id = n.appointment_id
                           and (n.lease_token is null or n.next_attempt_at <= ?2)
                           and (a.status <> 'BOOKED' or a.clinic_date <> n.slot_date
                                or a.start_time is distinct from n.slot_time)""")
                .setParameter(1, Notification.APPOINTMENT_CHANGED)
                .setParameter(2, now)
                .executeUpdate();
    }

    /**
     * Withdraws every queued message to the patient (or the plan without a patient id) behind the contact key; one a
     * dispatcher holds is checked by it before it is sent.
     */
    public int suppressQueuedForContact(UUID contactKey, String reason, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                        update notification set status = 'SUPPRESSED', status_reason = ?1, next_attempt_at = null,
                                                lease_token = null, updated_at = ?2
                         where status = 'QUEUED' and (lease_token is null or next_attempt_at <= ?2)
                           and referral_id in (select referral_id from treatment_plan
                                                where patient_id = ?3 or referral_id = ?3)""")
                .setParameter(1, reason)
                .setParameter(2, now)
                .setParameter(3, contactKey)
                .executeUpdate();
    }

    /** Which of the once-keys are stored already: the planner writes nothing for them again. */
    public java.util.Set<String> existingOnceKeys(java.util.Collection<String> onceKeys) {
        if (onceKeys.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(getEntityManager()
                .createQuery("select n.onceKey from Notification n where n.onceKey in :keys", String.class)
                .setParameter("keys", onceKeys)
                .getResultList());
    }

    /** The slots the appointment had reminders written for, the current one included. */
    public List<AppointmentSlot> remindedSlots(UUID appointmentId) {
        return getEntityManager().createQuery("""
                        select distinct n.slotDate, n.slotTime from Notification n
                         where n.appointmentId = :id and n.slotTime is not null""", Object[].class)
                .setParameter("id", appointmentId)
                .getResultList().stream()
                .map(row -> new AppointmentSlot((LocalDate) row[0], (LocalTime) row[1]))
                .toList();
    }

    /** A referral's messages, oldest first, after the given one. */
    public List<Notification> ofReferral(UUID referralId, After after, int fetch) {
        if (after == null) {
            return find("referralId", Sort.by("createdAt").and("id"), referralId).page(0, fetch).list();
        }
        return find("referralId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3))", Sort.by("createdAt").and("id"),
                referralId, after.createdAt(), after.id()).page(0, fetch).list();
    }

    /**
     * Booked appointments from {@code from} to {@code to} (inclusive), by day and id, after the given one: the
     * appointments the planner looks at for reminders.
     */
    public List<Appointment> bookedBetween(LocalDate from, LocalDate to, LocalDate afterDate, UUID afterId, int fetch) {
        if (afterDate == null) {
            return getEntityManager().createQuery("""
                            select a from Appointment a where a.status = :booked and a.date between :from and :to
                             order by a.date, a.id""", Appointment.class)
                    .setParameter("booked", AppointmentStatus.BOOKED).setParameter("from", from).setParameter("to", to)
                    .setMaxResults(fetch).getResultList();
        }
        return getEntityManager().createQuery("""
                        select a from Appointment a where a.status = :booked and a.date between :from and :to
                           and (a.date > :afterDate or (a.date = :afterDate and a.id > :afterId))
                         order by a.date, a.id""", Appointment.class)
                .setParameter("booked", AppointmentStatus.BOOKED).setParameter("from", from).setParameter("to", to)
                .setParameter("afterDate", afterDate).setParameter("afterId", afterId)
                .setMaxResults(fetch).getResultList();
    }
}
