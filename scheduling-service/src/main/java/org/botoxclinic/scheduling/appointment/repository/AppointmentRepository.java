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
import org.botoxclinic.scheduling.clinicday.domain.BookedTime;
import org.botoxclinic.scheduling.clinicday.domain.DayBookings;
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

    /** A plan {@code x} whose patient has the given names (ignoring case) and birth date. */
    private static String namedAsGiven(String x) {
        return "(" + x + ".patient.dateOfBirth = :dateOfBirth and lower(" + x + ".patient.lastName) = lower(:lastName)"
                + " and lower(" + x + ".patient.firstName) = lower(:firstName))";
    }

    /** Plans {@code x} and {@code y} whose patients have the same names (ignoring case) and birth date. */
    private static String namedAlike(String x, String y) {
        return "(" + x + ".patient.dateOfBirth = " + y + ".patient.dateOfBirth and lower(" + x + ".patient.lastName) = lower("
                + y + ".patient.lastName) and lower(" + x + ".patient.firstName) = lower(" + y + ".patient.firstName))";
    }

    /** The patient ids on plans whose patient has the given names and birth date. */
    private static final String PATIENT_IDS_NAMED_AS_GIVEN =
            "select q.patientId from TreatmentPlan q where q.patientId is not null and " + namedAsGiven("q");

    /**
     * Every plan of the patients in {@code ids} (a subquery or a parameter), and every plan without a patient id named
     * like one of theirs.
     */
    private static String plansOfPatients(String ids) {
        return "(p.patientId in (" + ids + ") or (p.patientId is null and exists (select 1 from TreatmentPlan r"
                + " where r.patientId in (" + ids + ") and " + namedAlike("r", "p") + ")))";
    }

    /**
     * {@link SamePatient} with a patient id, as a condition on the plan {@code p}: the referral's own plan, every plan of
     * the patient, and every plan without a patient id named like one of the patient's plans.
     */
    private static final String SAME_PATIENT_ID = "(p.referralId = :referralId or " + plansOfPatients(":patientId") + ")";

    /**
     * {@link SamePatient} without a patient id, as a condition on the plan {@code p}: the referral's own plan, any plan
     * whose patient has the same names (ignoring case) and birth date, and whatever counts for the patients with an id
     * who have a plan of that name.
     */
    private static final String SAME_NAMED_PATIENT = "(p.referralId = :referralId or " + namedAsGiven("p") + " or "
            + plansOfPatients(PATIENT_IDS_NAMED_AS_GIVEN) + ")";

    /**
     * Doses given to the same patient up to the date, within the dose window, across referrals and indications. Read
     * under the patient's turn ({@code TreatmentPlanRepository.takeTurn}).
     */
    public List<DoseLimit.GivenDose> dosesGiven(SamePatient patient, LocalDate date) {
        String samePatient = patient.patientId() != null ? SAME_PATIENT_ID
                : patient.named() ? SAME_NAMED_PATIENT : "p.referralId = :referralId";
        var query = getEntityManager().createQuery("""
                        select a.date, a.unitsAdministered from Appointment a, TreatmentPlan p
                        where p.referralId = a.referralId and a.status = :fulfilled
                        and a.date between :from and :to and """ + samePatient, Object[].class)
                .setParameter("fulfilled", AppointmentStatus.FULFILLED)
                .setParameter("from", date.minusDays(DoseLimit.WINDOW_DAYS))
                .setParameter("to", date)
                .setParameter("referralId", patient.referralId());
        if (patient.patientId() != null) {
            query.setParameter("patientId", patient.patientId());
        } else if (patient.named()) {
            query.setParameter("dateOfBirth", patient.identity().dateOfBirth())
                    .setParameter("lastName", patient.identity().lastName())
                    .setParameter("firstName", patient.identity().firstName());
        }
        return query.getResultList().stream()
                .map(row -> new DoseLimit.GivenDose((LocalDate) row[0], ((Number) row[1]).intValue()))
                .toList();
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
    public List<OpenBooking> openOn(LocalDate date) {
        return list("date = ?1 and status in ?2", Sort.by("createdAt"), date, AppointmentStatus.OPEN).stream()
                .map(a -> new OpenBooking(a.id(), a.referralId(), a.durationMinutes(), a.status().name()))
                .toList();
    }
}
