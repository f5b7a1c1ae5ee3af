package org.botoxclinic.scheduling.clinicday.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDayStatus;

/** The clinic's calendar rows, keyed by date. */
@ApplicationScoped
public class ClinicDayRepository implements PanacheRepositoryBase<ClinicDay, LocalDate> {

    /** Adds a day from the monthly rule unless the date already exists (whatever staff did to it); returns whether it was added. */
    public boolean addFromRule(LocalDate date, int capacityMinutes, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                        insert into clinic_day (date, status, capacity_minutes, origin, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?5) on conflict (date) do nothing""")
                .setParameter(1, date)
                .setParameter(2, ClinicDayStatus.OPEN.name())
                .setParameter(3, capacityMinutes)
                .setParameter(4, ClinicDay.Origin.RULE.name())
                .setParameter(5, now)
                .executeUpdate() > 0;
    }

    /** Locks the day's row for the rest of the transaction: bookings on one day take turns, so capacity holds. */
    public Optional<ClinicDay> locked(LocalDate date) {
        return findByIdOptional(date, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Days in the range after the given one (null for the first page), in date order, at most {@code count}. */
    public List<ClinicDay> between(LocalDate from, LocalDate to, LocalDate after, int count) {
        LocalDate first = after == null || after.isBefore(from) ? from : after.plusDays(1);
        return find("date between ?1 and ?2", Sort.by("date"), first, to).range(0, count - 1).list();
    }

    /** Open days in the range, in date order. */
    public List<ClinicDay> openBetween(LocalDate from, LocalDate to) {
        return list("date between ?1 and ?2 and status = ?3", Sort.by("date"), from, to, ClinicDayStatus.OPEN);
    }
}
