package org.botoxclinic.scheduling.waitlist.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistEntry;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistStatus;

/** Waitlist entries; "the queue" is the WAITING entries in the order they joined (queue position). */
@ApplicationScoped
public class WaitlistEntryRepository implements PanacheRepositoryBase<WaitlistEntry, UUID> {

    /** Where a page of entries ended. */
    public record After(long position) {
    }

    private static final String WANTS = "status = :waiting and earliestDate <= :date and latestDate >= :date";

    /** The waiting entries that want the date, oldest first, at most {@code count}. */
    public List<WaitlistEntry> waitingFor(LocalDate date, int count) {
        return find(WANTS, Sort.by("position"),
                Parameters.with("waiting", WaitlistStatus.WAITING).and("date", date)).range(0, count - 1).list();
    }

    public boolean anyWaitingFor(LocalDate date) {
        return count(WANTS, Parameters.with("waiting", WaitlistStatus.WAITING).and("date", date)) > 0;
    }

    /** The referral's waiting entry, if it has one. */
    public Optional<WaitlistEntry> waitingOf(UUID referralId) {
        return find("referralId = ?1 and status = ?2", referralId, WaitlistStatus.WAITING).firstResultOptional();
    }

    /** Re-reads the entry under a row lock (taken only under the waitlist's turn). */
    public WaitlistEntry lock(WaitlistEntry entry) {
        getEntityManager().refresh(entry, LockModeType.PESSIMISTIC_WRITE);
        return entry;
    }

    /** Waiting entries whose last wanted date is before the given day. */
    public List<WaitlistEntry> lapsedBefore(LocalDate today, int count) {
        return find("status = ?1 and latestDate < ?2", Sort.by("position"), WaitlistStatus.WAITING, today)
                .range(0, count - 1).list();
    }

    /** Entries with the status and/or of the referral, oldest first. */
    public List<WaitlistEntry> page(WaitlistStatus status, UUID referralId, After after, int count) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (referralId != null) {
            query.append(" and referralId = :referralId");
            parameters.and("referralId", referralId);
        }
        if (after != null) {
            query.append(" and position > :after");
            parameters.and("after", after.position());
        }
        return find(query.toString(), Sort.by("position"), parameters).range(0, count - 1).list();
    }

    /** An open appointment of a waiting referral: the one an accepted offer moves. */
    public record OpenAppointment(UUID id, LocalDate date) {
    }

    /** The open (booked or checked-in) appointment of each of the referrals that has one. */
    public Map<UUID, OpenAppointment> openAppointments(Collection<UUID> referralIds) {
        Map<UUID, OpenAppointment> open = new HashMap<>();
        if (referralIds.isEmpty()) {
            return open;
        }
        getEntityManager().createQuery("""
                        select a.referralId, a.id, a.date from Appointment a
                        where a.referralId in :referrals and a.status in :open""", Object[].class)
                .setParameter("referrals", referralIds)
                .setParameter("open", AppointmentStatus.OPEN)
                .getResultList()
                .forEach(row -> open.put((UUID) row[0], new OpenAppointment((UUID) row[1], (LocalDate) row[2])));
        return open;
    }

    /** The units administered at each referral's latest treatment, for those treated (the dose its plan needs). */
    public Map<UUID, Integer> lastDoses(Collection<UUID> referralIds) {
        Map<UUID, Integer> doses = new HashMap<>();
        if (referralIds.isEmpty()) {
            return doses;
        }
        getEntityManager().createQuery("""
                        select a.referralId, a.unitsAdministered from Appointment a
                        where a.referralId in :referrals and a.status = :fulfilled and a.unitsAdministered is not null
                        order by a.date, a.createdAt""", Object[].class)
                .setParameter("referrals", referralIds)
                .setParameter("fulfilled", AppointmentStatus.FULFILLED)
                .getResultList()
                .forEach(row -> doses.put((UUID) row[0], ((Number) row[1]).intValue()));
        return doses;
    }
}
