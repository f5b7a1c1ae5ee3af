package org.botoxclinic.scheduling.clinicday.service;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.scheduling.clinicday.api.ClinicDayView;
import org.botoxclinic.scheduling.clinicday.domain.ChairTime;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDayRule;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDayStatus;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.jboss.logging.Logger;

/** Keeps the clinic's calendar: days from the monthly rule over a rolling horizon, plus what staff add, resize or close. */
@ApplicationScoped
public class ClinicDays {

    private static final Logger LOG = Logger.getLogger(ClinicDays.class);
    /** Appointments that hold chair time: everything but a cancellation. */
    private static final String HOLDS_TIME = "status <> 'CANCELLED'";

    private final EntityManager em;
    private final Clock clock;
    private final SchedulingConfig config;

    public ClinicDays(EntityManager em, Clock clock, SchedulingConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    public ClinicDayRule rule() {
        return new ClinicDayRule(config.clinicDays().weekday(), config.clinicDays().weekOfMonth());
    }

    public int defaultCapacityMinutes() {
        return ClinicDayRule.capacityMinutes(config.clinicDays().chairs(), config.clinicDays().hours());
    }

    void onStart(@Observes StartupEvent start) {
        generate();
    }

    @Scheduled(every = "${clinic.scheduling.clinic-days.generate-every:12h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rollHorizon() {
        generate();
    }

    /** Extends the calendar as time rolls on; a day staff closed or resized is left as it is. Returns the days added. */
    @Transactional
    public int generate() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = Timestamps.now(clock);
        int added = 0;
        for (LocalDate date : rule().daysFrom(today, config.clinicDays().horizonMonths())) {
            added += em.createNativeQuery("""
                            insert into clinic_day (date, status, capacity_minutes, origin, created_at, updated_at)
                            values (?1, 'OPEN', ?2, 'RULE', ?3, ?3) on conflict (date) do nothing""")
                    .setParameter(1, date)
                    .setParameter(2, defaultCapacityMinutes())
                    .setParameter(3, now)
                    .executeUpdate();
        }
        if (added > 0) {
            LOG.infof("Generated %d clinic days up to %d months ahead", added, config.clinicDays().horizonMonths());
        }
        return added;
    }

    public List<ClinicDayView> list(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select d.date, d.status, d.capacity_minutes,
                               coalesce(sum(a.duration_minutes) filter (where a.%1$s), 0),
                               count(a.id) filter (where a.%1$s)
                        from clinic_day d left join appointment a on a.clinic_date = d.date
                        where d.date between ?1 and ?2
                        group by d.date order by d.date""".formatted(HOLDS_TIME))
                .setParameter(1, from)
                .setParameter(2, to)
                .getResultList();
        List<ClinicDayView> days = new ArrayList<>();
        for (Object[] row : rows) {
            int capacity = ((Number) row[2]).intValue();
            int booked = ((Number) row[3]).intValue();
            days.add(new ClinicDayView(toDate(row[0]),
                    ClinicDayStatus.valueOf((String) row[1]), capacity, booked,
                    ChairTime.available(capacity, booked), ((Number) row[4]).intValue()));
        }
        return days;
    }

    public Optional<ClinicDayView> view(LocalDate date) {
        return list(date, date).stream().findFirst();
    }

    /** The first open day in the range with room for the given minutes. */
    public Optional<LocalDate> firstWithRoom(LocalDate from, LocalDate to, int durationMinutes) {
        if (from.isAfter(to)) {
            return Optional.empty();
        }
        return list(from, to).stream()
                .filter(d -> d.status() == ClinicDayStatus.OPEN)
                .filter(d -> ChairTime.fits(d.capacityMinutes(), d.bookedMinutes(), durationMinutes))
                .map(ClinicDayView::date)
                .findFirst();
    }

    @Transactional
    public ClinicDayView add(LocalDate date, int capacityMinutes) {
        if (date.isBefore(LocalDate.now(clock))) {
            throw Problems.invalid(Map.of("date", "must be today or later"));
        }
        ClinicDay day = em.find(ClinicDay.class, date, LockModeType.PESSIMISTIC_WRITE);
        if (day == null) {
            em.persist(ClinicDay.open(date, capacityMinutes, ClinicDay.Origin.STAFF, Timestamps.now(clock)));
        } else if (!day.isOpen()) {
            day.reopen(capacityMinutes, Timestamps.now(clock));
        } else {
            throw Problems.of(Response.Status.CONFLICT, "CLINIC_DAY_EXISTS", date + " is already an open clinic day",
                    Map.of("date", date.toString()));
        }
        em.flush();
        return view(date).orElseThrow();
    }

    @Transactional
    public ClinicDayView changeCapacity(LocalDate date, int capacityMinutes) {
        ClinicDay day = locked(date).orElseThrow(() -> Problems.notFound("clinic day", date));
        int booked = bookedMinutes(date, null);
        if (capacityMinutes < booked) {
            throw Problems.rule("CAPACITY_BELOW_BOOKINGS", date + " already has " + booked
                    + " minutes booked; move appointments before reducing its capacity below that",
                    Map.of("bookedMinutes", booked));
        }
        day.changeCapacity(capacityMinutes, Timestamps.now(clock));
        em.flush();
        return view(date).orElseThrow();
    }

    /** Closing is refused while appointments are open on the day; the refusal lists them so staff can move them first. */
    @Transactional
    public ClinicDayView close(LocalDate date, String reason) {
        ClinicDay day = locked(date).orElseThrow(() -> Problems.notFound("clinic day", date));
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("""
                        select id, referral_id, duration_minutes, status from appointment
                        where clinic_date = ?1 and status in ('BOOKED', 'CHECKED_IN') order by created_at""")
                .setParameter(1, date)
                .getResultList();
        if (!open.isEmpty()) {
            List<Map<String, Object>> toMove = new ArrayList<>();
            for (Object[] row : open) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", row[0].toString());
                a.put("referralId", row[1].toString());
                a.put("durationMinutes", ((Number) row[2]).intValue());
                a.put("status", row[3]);
                toMove.add(a);
            }
            throw Problems.of(Response.Status.CONFLICT, "CLINIC_DAY_HAS_BOOKINGS",
                    date + " has " + open.size() + " open appointments; reschedule or cancel them first",
                    Map.of("appointments", toMove));
        }
        day.close(reason, Timestamps.now(clock));
        em.flush();
        return view(date).orElseThrow();
    }

    /** Locks the day's row for the rest of the transaction: bookings on one day take turns, so capacity holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ClinicDay> locked(LocalDate date) {
        return Optional.ofNullable(em.find(ClinicDay.class, date, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Minutes holding chair time on a day, leaving out one appointment (the one being moved) if given. */
    public int bookedMinutes(LocalDate date, UUID except) {
        return ((Number) em.createNativeQuery("""
                        select coalesce(sum(duration_minutes), 0) from appointment
                        where clinic_date = ?1 and %s and id <> ?2""".formatted(HOLDS_TIME))
                .setParameter(1, date)
                .setParameter(2, except == null ? new UUID(0, 0) : except)
                .getSingleResult()).intValue();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
