package org.botoxclinic.scheduling.clinicday.repository;

import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDayStatus;
import org.botoxclinic.scheduling.clinicday.domain.ResourceHours;

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

    /** The chairs and injectors staff set for the day, each kind in its listed order; both empty when they set none. */
    public StoredResources resources(LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select kind, resource_id, opens_at, closes_at from clinic_day_resource
                         where clinic_date = ?1 order by kind, position""")
                .setParameter(1, date)
                .getResultList();
        List<ResourceHours> chairs = new ArrayList<>();
        List<ResourceHours> providers = new ArrayList<>();
        for (Object[] row : rows) {
            ResourceHours hours = new ResourceHours((String) row[1], toTime(row[2]), toTime(row[3]));
            ("CHAIR".equals(row[0]) ? chairs : providers).add(hours);
        }
        return new StoredResources(chairs, providers);
    }

    /** What {@link #resources} read: empty lists when staff set nothing for the day. */
    public record StoredResources(List<ResourceHours> chairs, List<ResourceHours> providers) {

        public boolean isEmpty() {
            return chairs.isEmpty() && providers.isEmpty();
        }
    }

    /** Replaces the day's chairs and injectors by the given ones (under the day's row lock). */
    public void replaceResources(LocalDate date, List<ResourceHours> chairs, List<ResourceHours> providers) {
        getEntityManager().createNativeQuery("delete from clinic_day_resource where clinic_date = ?1")
                .setParameter(1, date).executeUpdate();
        insert(date, "CHAIR", chairs);
        insert(date, "PROVIDER", providers);
    }

    private void insert(LocalDate date, String kind, List<ResourceHours> resources) {
        for (int i = 0; i < resources.size(); i++) {
            ResourceHours r = resources.get(i);
            getEntityManager().createNativeQuery("""
                            insert into clinic_day_resource (clinic_date, kind, resource_id, position, opens_at, closes_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, date)
                    .setParameter(2, kind)
                    .setParameter(3, r.id())
                    .setParameter(4, i)
                    .setParameter(5, r.opensAt())
                    .setParameter(6, r.closesAt())
                    .executeUpdate();
        }
    }

    private static LocalTime toTime(Object value) {
        return value instanceof Time sql ? sql.toLocalTime() : (LocalTime) value;
    }
}
