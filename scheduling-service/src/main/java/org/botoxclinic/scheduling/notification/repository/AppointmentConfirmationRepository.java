package org.botoxclinic.scheduling.notification.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.notification.domain.AppointmentConfirmation;
import org.botoxclinic.scheduling.notification.domain.AppointmentSlot;

/** Patients' confirmations of their appointments, each for one slot; and the booked appointments still unconfirmed. */
@ApplicationScoped
public class AppointmentConfirmationRepository implements PanacheRepositoryBase<AppointmentConfirmation, AppointmentConfirmation.Key> {

    /** Where a page of the unconfirmed appointments ended: day, start time and appointment. */
    public record After(LocalDate date, java.time.LocalTime startTime, UUID id) {
    }

    /** Records the confirmation; confirming the same slot again changes nothing. Returns whether it is new. */
    public boolean confirm(UUID appointmentId, AppointmentSlot slot, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                        insert into appointment_confirmation (appointment_id, slot_date, slot_time, confirmed_at)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, appointmentId)
                .setParameter(2, slot.date())
                .setParameter(3, slot.startTime())
                .setParameter(4, now)
                .executeUpdate() == 1;
    }

    /** When the slot was confirmed, or null when it was not. */
    public OffsetDateTime confirmedAt(UUID appointmentId, AppointmentSlot slot) {
        return find("appointmentId = ?1 and slotDate = ?2 and slotTime = ?3", appointmentId, slot.date(), slot.startTime())
                .firstResultOptional().map(AppointmentConfirmation::confirmedAt).orElse(null);
    }

    /**
     * Booked appointments from {@code from} to {@code to} (inclusive) whose current slot the patient has not
     * confirmed, by day, start time and id.
     */
    public List<Appointment> unconfirmed(LocalDate from, LocalDate to, After after, int fetch) {
        String afterClause = after == null ? "" : """
                 and (a.date > :afterDate or (a.date = :afterDate and (a.startTime > :afterTime
                      or (a.startTime = :afterTime and a.id > :afterId))))""";
        var query = getEntityManager().createQuery("""
                        select a from Appointment a
                         where a.status = :booked and a.date between :from and :to
                           and not exists (select 1 from AppointmentConfirmation c where c.appointmentId = a.id
                                            and c.slotDate = a.date and c.slotTime = a.startTime)""" + afterClause + """
                         order by a.date, a.startTime, a.id""", Appointment.class)
                .setParameter("booked", AppointmentStatus.BOOKED)
                .setParameter("from", from)
                .setParameter("to", to);
        if (after != null) {
            query.setParameter("afterDate", after.date()).setParameter("afterTime", after.startTime())
                    .setParameter("afterId", after.id());
        }
        return query.setMaxResults(fetch).getResultList();
    }
}
