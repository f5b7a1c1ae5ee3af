package org.botoxclinic.scheduling.appointment.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.appointment.domain.DoseLimit;
import org.botoxclinic.scheduling.appointment.domain.SamePatient;
import org.botoxclinic.scheduling.clinicday.domain.BookedSlot;
import org.botoxclinic.scheduling.clinicday.domain.BookedTime;
import org.botoxclinic.scheduling.clinicday.domain.DayBookings;
import org.botoxclinic.scheduling.clinicday.domain.DayFigures;
import org.botoxclinic.scheduling.clinicday.domain.ScheduleEntry;
import org.botoxclinic.scheduling.clinicday.domain.OpenBooking;
import org.botoxclinic.scheduling.plan.domain.PlanBookings;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;

/**
 * Appointments, and what the calendar and the plans need to know of them. "Open" and "holding chair time" are
 * the status sets of {@link AppointmentStatus}, passed to every query that uses them.
 */
@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID>, DayBookings, PlanBookings {

    /** Where a page of appointments ended: the sort keys of its last row. */
    public record After(LocalDate date, OffsetDateTime createdAt, UUID id) {
    }

    /** Re-reads the appointment under a row lock, so that what is checked is what is changed. */
    public Appointment lock(Appointment appointment) {
        getEntityManager().refresh(appointment, LockModeType.PESSIMISTIC_WRITE);
        return appointment;
    }

    /** Appointments on a date and/or for a referral, by date and then booking time. */
    public List<Appointment> page(LocalDate date, UUID referralId, After after, int count) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (date != null) {
            query.append(" and date = :date");
            parameters.and("date", date);
        }
        if (referralId != null) {
            query.append(" and referralId = :referralId");
            parameters.and("referralId", referralId);
        }
        if (after != null) {
            query.append(" and (date > :afterDate or (date = :afterDate and (createdAt > :afterCreated"
                    + " or (createdAt = :afterCreated and id > :afterId))))");
            parameters.and("afterDate", after.date()).and("afterCreated", after.createdAt()).and("afterId", after.id());
        }
        return find(query.toString(), Sort.by("date").and("createdAt").and("id"), parameters).range(0, count - 1).list();
    }

    /** The referral's open appointments, earliest first. */
    public List<Appointment> openFor(UUID referralId) {
        return list("referralId = ?1 and status in ?2", Sort.by("date"), referralId, AppointmentStatus.OPEN);
    }

    @Override
    public boolean hasOpenAppointment(UUID referralId) {
        return count("referralId = ?1 and status in ?2", referralId, AppointmentStatus.OPEN) > 0;
    }

    /** BOOKED appointments on or before the date, oldest first: the no-show job's candidates. */
    public List<Appointment> bookedUpTo(LocalDate lastDate, int count) {
        return find("status = ?1 and date <= ?2", Sort.by("date"), AppointmentStatus.BOOKED, lastDate)
                .range(0, count - 1).list();
    }

    /**
     * Missed appointments whose patient has not been booked again or treated since and whose plan still stands,
     * by date.
     */
    public List<Appointment> unresolvedNoShows(After after, int count) {
        String query = """
                select a from Appointment a, TreatmentPlan p
                where p.referralId = a.referralId and a.status = :noShow and p.status <> :cancelled
                and not exists (select b from Appointment b where b.referralId = a.referralId
                                and b.status in :followingUp and b.date > a.date)""";
        Parameters parameters = Parameters.with("noShow", AppointmentStatus.NOSHOW)
                .and("cancelled", PlanStatus.CANCELLED)
                .and("followingUp", AppointmentStatus.FOLLOWING_UP);
        if (after != null) {
            query += " and (a.date, a.id) > (:afterDate, :afterId)";
            parameters.and("afterDate", after.date()).and("afterId", after.id());
        }
        return find(query + " order by a.date, a.id", parameters).range(0, count - 1).list();
    }

    /**
     * The referrals of {@link SamePatient}, as SQL ending in the CTE {@code same_patient(referral_id)}, each branch read
     * from an index (by patient id, by birth date, by referral): {@code patients} are the patient ids concerned, and
     * the plans are theirs, those without a patient id named like one of theirs, and the referral's own.
     */
    private static final String SAME_PATIENT_REFERRALS = """
            same_patient (referral_id) as (
                select cast(:referralId as uuid)
                union
                select t.referral_id from treatment_plan t where t.patient_id in (select patient_id from patients)
                union
                select t.referral_id from treatment_plan q join treatment_plan t
                    on t.patient_date_of_birth = q.patient_date_of_birth and t.patient_id is null
                   and lower(t.patient_last_name) = lower(q.patient_last_name)
                   and lower(t.patient_first_name) = lower(q.patient_first_name)
                 where q.patient_id in (select patient_id from patients)%s)""";

    /** With a patient id: that patient. */
    private static final String PATIENT_BY_ID = "with patients (patient_id) as (select cast(:patientId as uuid)),\n"
            + SAME_PATIENT_REFERRALS.formatted("");

    /**
     * Without one: the plans with the given names (ignoring case) and birth date, and the patients
     * with an id among them.
     */
    private static final String PATIENT_BY_NAME = """
            with named as (select referral_id, patient_id from treatment_plan
                            where patient_date_of_birth = :dateOfBirth and lower(patient_last_name) = lower(:lastName)
                              and lower(patient_first_name) = lower(:firstName)),
                 patients as (select distinct patient_id from named where patient_id is not null),
            """ + SAME_PATIENT_REFERRALS.formatted("\n                union\n                select referral_id from named");

    /** A plan lacking a name or birth date and without a patient id: its own referral alone. */
    private static final String PATIENT_OF_ITS_OWN = "with patients (patient_id) as (select cast(null as uuid) where false),\n"
            + SAME_PATIENT_REFERRALS.formatted("");

    /**
     * Doses given to the same patient up to the date, within the dose window, across referrals and indications: the
     * patient's referrals first (by index), then their fulfilled appointments in the window (by referral and date).
     * Read under the patient's turn ({@code TreatmentPlanRepository.takeTurn}).
     */
    public List<DoseLimit.GivenDose> dosesGiven(SamePatient patient, LocalDate date) {
        String referrals = patient.patientId() != null ? PATIENT_BY_ID
                : patient.named() ? PATIENT_BY_NAME : PATIENT_OF_ITS_OWN;
        var query = getEntityManager().createNativeQuery(referrals + """

                        select a.clinic_date, a.units_administered from appointment a
                         where a.referral_id in (select referral_id from same_patient) and a.status = :fulfilled
                           and a.clinic_date between :from and :to""")
                .setParameter("referralId", patient.referralId())
                .setParameter("fulfilled", AppointmentStatus.FULFILLED.name())
                .setParameter("from", date.minusDays(DoseLimit.WINDOW_DAYS))
                .setParameter("to", date);
        if (patient.patientId() != null) {
            query.setParameter("patientId", patient.patientId());
        } else if (patient.named()) {
            query.setParameter("firstName", patient.identity().firstName())
                    .setParameter("lastName", patient.identity().lastName())
                    .setParameter("dateOfBirth", patient.identity().dateOfBirth());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new DoseLimit.GivenDose(toDate(row[0]), ((Number) row[1]).intValue()))
                .toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    @Override
    public Map<LocalDate, BookedTime> bookedBetween(LocalDate from, LocalDate to) {
        List<Object[]> rows = getEntityManager().createQuery("""
                        select a.date, sum(a.durationMinutes), count(*) from Appointment a
                        where a.date between :from and :to and a.status in :holding group by a.date""", Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("holding", AppointmentStatus.HOLDING_CHAIR_TIME)
                .getResultList();
        Map<LocalDate, BookedTime> booked = new HashMap<>();
        for (Object[] row : rows) {
            booked.put((LocalDate) row[0], new BookedTime(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        return booked;
    }

    @Override
    public int bookedMinutes(LocalDate date, UUID except) {
        return getEntityManager().createQuery("""
                        select coalesce(sum(a.durationMinutes), 0) from Appointment a
                        where a.date = :date and a.status in :holding and a.id <> :except""", Number.class)
                .setParameter("date", date)
                .setParameter("holding", AppointmentStatus.HOLDING_CHAIR_TIME)
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .getSingleResult().intValue();
    }

    @Override
    public List<BookedSlot> slotsOn(LocalDate date, UUID except) {
        return getEntityManager().createQuery("""
                        select a from Appointment a
                        where a.date = :date and a.status in :holding and a.id <> :except
                        order by a.startTime, a.chair""", Appointment.class)
                .setParameter("date", date)
                .setParameter("holding", AppointmentStatus.HOLDING_CHAIR_TIME)
                .setParameter("except", except == null ? new UUID(0, 0) : except)
                .getResultList().stream()
                .map(a -> new BookedSlot(a.id(), a.startTime(), a.durationMinutes(), a.chair(), a.providerId()))
                .toList();
    }

    @Override
    public List<ScheduleEntry> scheduleOn(LocalDate date) {
        return list("date = ?1 and status in ?2", Sort.by("startTime").and("chair").and("id"), date,
                AppointmentStatus.HOLDING_CHAIR_TIME).stream()
                .map(a -> new ScheduleEntry(a.id(), a.referralId(), a.startTime(), a.endTime(), a.durationMinutes(),
                        a.chair(), a.providerId(), a.status().name()))
                .toList();
    }

    @Override
    public DayFigures figuresOn(LocalDate date) {
        List<Object[]> rows = getEntityManager().createQuery(
                        "select a.status, count(*) from Appointment a where a.date = :date group by a.status", Object[].class)
                .setParameter("date", date)
                .getResultList();
        Map<AppointmentStatus, Integer> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((AppointmentStatus) row[0], ((Number) row[1]).intValue());
        }
        return new DayFigures(counts.getOrDefault(AppointmentStatus.NOSHOW, 0),
                counts.getOrDefault(AppointmentStatus.CANCELLED, 0), counts.getOrDefault(AppointmentStatus.FULFILLED, 0));
    }

    @Override
    public List<OpenBooking> openOn(LocalDate date) {
        return list("date = ?1 and status in ?2", Sort.by("createdAt"), date, AppointmentStatus.OPEN).stream()
                .map(a -> new OpenBooking(a.id(), a.referralId(), a.durationMinutes(), a.status().name()))
                .toList();
    }
}
