package org.botoxclinic.scheduling.clinicday.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.clinicday.domain.AppointmentDurations;
import org.botoxclinic.scheduling.clinicday.domain.BookedTime;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDayRule;
import org.botoxclinic.scheduling.clinicday.domain.DayBookings;
import org.botoxclinic.scheduling.clinicday.domain.DayResources;
import org.botoxclinic.scheduling.clinicday.domain.ResourceHours;
import org.botoxclinic.scheduling.clinicday.domain.ScheduleEntry;
import org.botoxclinic.scheduling.clinicday.repository.ClinicDayRepository;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.jboss.logging.Logger;

/** Keeps the clinic's calendar: days from the monthly rule over a rolling horizon, plus what staff add, resize or close. */
@ApplicationScoped
public class ClinicDayService {

    private static final Logger LOG = Logger.getLogger(ClinicDayService.class);
    public static final String RESOURCE = "clinic-day";
    /** New chairs and injectors would leave open appointments without their chair, injector or hours (409). */
    public static final String RESOURCES_IN_USE = "RESOURCES_IN_USE";
    private static final String APPOINTMENT = "appointment";
    static final String LIST = "clinic-days";
    private static final int MAX_RANGE_DAYS = 800;
    /** How many days of bookings one query reads when looking for room. */
    private static final int BOOKINGS_READ_DAYS = 7;

    private final ClinicDayRepository days;
    private final DayBookings bookings;
    private final AuditTrail audit;
    private final Clock clock;
    private final SchedulingConfig config;
    private final ClinicDaySlots slots;

    public ClinicDayService(ClinicDayRepository days, DayBookings bookings, AuditTrail audit, Clock clock,
                            SchedulingConfig config, ClinicDaySlots slots) {
        this.days = days;
        this.bookings = bookings;
        this.slots = slots;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    public ClinicDayRule rule() {
        return new ClinicDayRule(config.clinicDays().weekday(), config.clinicDays().weekOfMonth());
    }

    public int defaultCapacityMinutes() {
        return ClinicDayRule.capacityMinutes(config.clinicDays().chairs(), config.clinicDays().hours());
    }

    /** Chair minutes an appointment takes, by indication. */
    public AppointmentDurations durations() {
        return new AppointmentDurations(config.durationMinutes(), config.defaultDurationMinutes());
    }

    /** Extends the calendar as time rolls on; a day staff closed or resized is left as it is. Returns the days added. */
    @Transactional
    public int generate() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = Timestamps.now(clock);
        int added = 0;
        for (LocalDate date : rule().daysFrom(today, config.clinicDays().horizonMonths())) {
            if (days.addFromRule(date, defaultCapacityMinutes(), now)) {
                added++;
            }
        }
        if (added > 0) {
            LOG.infof("Generated %d clinic days up to %d months ahead", added, config.clinicDays().horizonMonths());
        }
        return added;
    }

    /** One page of the days in a range (by default today and the next 12 months), with their booked chair time. */
    @Transactional
    public Page<ClinicDayLoad> list(LocalDate from, LocalDate to, String cursor, int limit) {
        LocalDate start = from == null ? LocalDate.now(clock) : from;
        LocalDate end = to == null ? start.plusMonths(12) : to;
        if (end.isBefore(start) || end.isAfter(start.plusDays(MAX_RANGE_DAYS))) {
            throw new InvalidInputException("to", "must be on or after from and at most " + MAX_RANGE_DAYS + " days later");
        }
        LocalDate after = cursor == null ? null : Cursor.decode(cursor, LIST, 1).date(0);
        Page<ClinicDayLoad> page = Page.of(loads(days.between(start, end, after, limit + 1)), limit,
                load -> Cursor.of(LIST, load.day().date()));
        audit.record("READ", RESOURCE, start + ".." + end, null);
        return page;
    }

    /** The first open day in the range with room for the given minutes. */
    public Optional<LocalDate> firstWithRoom(LocalDate from, LocalDate to, int durationMinutes) {
        return firstWithRoom(List.of(new RoomWanted(from, to, durationMinutes))).get(0);
    }

    /** Chair time wanted on an open day between two dates (both included). */
    public record RoomWanted(LocalDate from, LocalDate to, int durationMinutes) {
    }

    /**
     * For each request, in the same order, the first open day in its range with room for its minutes. The calendar is
     * read once for all of them, and the booked chair time only of the days looked at, a week per query, so that a
     * page of a work list costs a couple of queries whatever its length.
     */
    public List<Optional<LocalDate>> firstWithRoom(List<RoomWanted> wanted) {
        List<RoomWanted> answerable = wanted.stream().filter(w -> !w.from().isAfter(w.to())).toList();
        if (answerable.isEmpty()) {
            return wanted.stream().map(w -> Optional.<LocalDate>empty()).toList();
        }
        LocalDate first = answerable.stream().map(RoomWanted::from).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = answerable.stream().map(RoomWanted::to).max(LocalDate::compareTo).orElseThrow();
        NavigableMap<LocalDate, ClinicDay> open = new TreeMap<>();
        days.openBetween(first, last).forEach(day -> open.put(day.date(), day));
        Map<LocalDate, BookedTime> booked = new HashMap<>();
        List<Optional<LocalDate>> found = new ArrayList<>(wanted.size());
        for (RoomWanted w : wanted) {
            Optional<LocalDate> day = Optional.empty();
            if (!w.from().isAfter(w.to())) {
                for (ClinicDay candidate : open.subMap(w.from(), true, w.to(), true).values()) {
                    if (!booked.containsKey(candidate.date())) {
                        readBookings(open, candidate.date(), last, booked);
                    }
                    if (new ClinicDayLoad(candidate, booked.get(candidate.date())).fits(w.durationMinutes())) {
                        day = Optional.of(candidate.date());
                        break;
                    }
                }
            }
            found.add(day);
        }
        return found;
    }

    /** Reads the chair time booked on the open days from a date to a few weeks later (not after the last date). */
    private void readBookings(NavigableMap<LocalDate, ClinicDay> open, LocalDate from, LocalDate last,
                              Map<LocalDate, BookedTime> booked) {
        LocalDate to = from.plusDays(BOOKINGS_READ_DAYS - 1L);
        if (to.isAfter(last)) {
            to = last;
        }
        Map<LocalDate, BookedTime> read = bookings.bookedBetween(from, to);
        for (LocalDate date : open.subMap(from, true, to, true).keySet()) {
            booked.put(date, read.getOrDefault(date, BookedTime.NONE));
        }
    }

    @Transactional
    public ClinicDayLoad add(LocalDate date, int capacityMinutes) {
        if (date.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("date", "must be today or later");
        }
        Optional<ClinicDay> existing = days.locked(date);
        if (existing.isPresent()) {
            existing.get().reopen(capacityMinutes, Timestamps.now(clock));
        } else {
            days.persist(ClinicDay.open(date, capacityMinutes, ClinicDay.Origin.STAFF, Timestamps.now(clock)));
        }
        audit.record("ADD", RESOURCE, date, null);
        return load(date);
    }

    @Transactional
    public ClinicDayLoad changeCapacity(LocalDate date, int capacityMinutes) {
        ClinicDay day = locked(date);
        day.changeCapacity(capacityMinutes, bookings.bookedMinutes(date, null), Timestamps.now(clock));
        audit.record("CHANGE_CAPACITY", RESOURCE, date, null);
        return load(date);
    }

    @Transactional
    public ClinicDayLoad close(LocalDate date, String reason) {
        ClinicDay day = locked(date);
        day.close(reason, bookings.openOn(date), Timestamps.now(clock));
        audit.record("CLOSE", RESOURCE, date, null);
        return load(date);
    }

    /** One day with its booked time, chairs and injectors, utilisation, no-shows and cancellations. */
    @Transactional
    public ClinicDayDetail get(LocalDate date) {
        ClinicDay day = days.findByIdOptional(date).orElseThrow(() -> new NotFoundException("clinic day", date));
        ClinicDayLoad load = new ClinicDayLoad(day, bookings.bookedBetween(date, date).getOrDefault(date, BookedTime.NONE));
        audit.record("READ", RESOURCE, date, null);
        return new ClinicDayDetail(load, slots.resources(date), bookings.figuresOn(date));
    }

    /** The day's appointments holding time, by start time and chair. */
    @Transactional
    public ClinicDaySchedule schedule(LocalDate date) {
        ClinicDay day = days.findByIdOptional(date).orElseThrow(() -> new NotFoundException("clinic day", date));
        List<ScheduleEntry> entries = bookings.scheduleOn(date);
        audit.record("READ", RESOURCE, date, null);
        audit.recordAll("READ", APPOINTMENT, entries.stream()
                .map(e -> new AuditTrail.Disclosed(e.appointmentId(), e.referralId())).toList());
        return new ClinicDaySchedule(day, slots.resources(date), entries);
    }

    /**
     * Sets the day's chairs and injectors with their hours (replacing the configured defaults or what was set before).
     * The day's capacity becomes the chairs' minutes. Refused (409) while an open appointment would lose its chair or
     * injector or fall outside their hours, or when the chairs' minutes are fewer than those booked.
     */
    @Transactional
    public DayResources setResources(LocalDate date, List<ResourceHours> chairs, List<ResourceHours> providers) {
        if (date.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("date", "must be today or later");
        }
        requireValid("chairs", chairs);
        requireValid("providers", providers);
        ClinicDay day = locked(date);
        DayResources next = new DayResources(chairs, providers, true);
        List<ScheduleEntry> stranded = bookings.scheduleOn(date).stream()
                .filter(e -> "BOOKED".equals(e.status()) || "CHECKED_IN".equals(e.status()))
                .filter(e -> !keeps(next, e))
                .toList();
        if (!stranded.isEmpty()) {
            throw new ConflictException(RESOURCES_IN_USE, date + " has " + stranded.size() + " open appointments on "
                    + "chairs or injectors, or at hours, the new ones do not have; move them first",
                    Map.of("appointments", stranded.stream().map(ClinicDayService::listed).toList()));
        }
        day.changeCapacity(next.chairMinutes(), bookings.bookedMinutes(date, null), Timestamps.now(clock));
        days.replaceResources(date, chairs, providers);
        audit.record("SET_RESOURCES", RESOURCE, date, null);
        LOG.infof("Clinic day %s given %d chairs and %d injectors", date, chairs.size(), providers.size());
        return next;
    }

    /** The day's chairs and injectors: those staff set, or the configured defaults. */
    @Transactional
    public DayResources resources(LocalDate date) {
        days.findByIdOptional(date).orElseThrow(() -> new NotFoundException("clinic day", date));
        return slots.resources(date);
    }

    private static boolean keeps(DayResources resources, ScheduleEntry e) {
        int start = e.startTime().getHour() * 60 + e.startTime().getMinute();
        int end = start + e.durationMinutes();
        return resources.chair(e.chair()).filter(c -> c.covers(start, end)).isPresent()
                && resources.provider(e.providerId()).filter(p -> p.covers(start, end)).isPresent();
    }

    private static Map<String, Object> listed(ScheduleEntry e) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", e.appointmentId().toString());
        a.put("referralId", e.referralId().toString());
        a.put("startTime", e.startTime().toString());
        a.put("durationMinutes", e.durationMinutes());
        a.put("chair", e.chair());
        a.put("providerId", e.providerId());
        return a;
    }

    /** At least one, ids unique, each closing after it opens, on whole minutes. */
    private static void requireValid(String field, List<ResourceHours> resources) {
        if (resources == null || resources.isEmpty()) {
            throw new InvalidInputException(field, "must list at least one");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            ResourceHours r = resources.get(i);
            String at = field + "[" + i + "]";
            if (!ids.add(r.id())) {
                throw new InvalidInputException(at + ".id", "appears twice");
            }
            if (r.opensAt().getSecond() != 0 || r.opensAt().getNano() != 0) {
                throw new InvalidInputException(at + ".from", "must be a whole minute (HH:mm)");
            }
            if (r.closesAt().getSecond() != 0 || r.closesAt().getNano() != 0) {
                throw new InvalidInputException(at + ".to", "must be a whole minute (HH:mm)");
            }
            if (!r.closesAt().isAfter(r.opensAt())) {
                throw new InvalidInputException(at + ".to", "must be after from");
            }
        }
    }

    /**
     * Locks the day's row for the rest of the transaction, empty when the date is no clinic day: bookings on one
     * day take turns, so capacity holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ClinicDay> lockForBooking(LocalDate date) {
        return days.locked(date);
    }

    private ClinicDay locked(LocalDate date) {
        return days.locked(date).orElseThrow(() -> new NotFoundException("clinic day", date));
    }

    private ClinicDayLoad load(LocalDate date) {
        days.flush();
        return new ClinicDayLoad(days.findById(date), bookings.bookedBetween(date, date).getOrDefault(date, BookedTime.NONE));
    }

    private List<ClinicDayLoad> loads(List<ClinicDay> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, BookedTime> booked = bookings.bookedBetween(found.get(0).date(), found.get(found.size() - 1).date());
        return found.stream().map(day -> new ClinicDayLoad(day, booked.getOrDefault(day.date(), BookedTime.NONE))).toList();
    }
}
