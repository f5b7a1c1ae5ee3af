package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where an appointment fits on a clinic day: a chair open for its whole duration and an injector working for its whole
 * duration, neither held by another appointment at any minute of it. An appointment may end exactly when another
 * starts on the same chair or injector, and exactly at closing time.
 *
 * <p>The first free slot is the earliest start time at which some chair and injector are both free, taking the chairs
 * and injectors in their listed order; start times looked at are every opening time, every end of a booked appointment
 * (so appointments pack without gaps) and a grid of {@code stepMinutes} from the earliest opening.
 */
public final class DaySlots {

    private static final int MINUTES_PER_DAY = 24 * 60;

    private final LocalDate date;
    private final DayResources resources;
    private final List<BookedSlot> booked;
    private final int stepMinutes;

    /** @param booked the appointments holding time on the day (all but cancelled ones), without the one being moved */
    public DaySlots(LocalDate date, DayResources resources, List<BookedSlot> booked, int stepMinutes) {
        if (stepMinutes < 1) {
            throw new IllegalArgumentException("step must be at least one minute, was " + stepMinutes);
        }
        this.date = date;
        this.resources = resources;
        this.booked = List.copyOf(booked);
        this.stepMinutes = stepMinutes;
    }

    public static int minuteOf(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static LocalTime timeOf(int minute) {
        return LocalTime.of(minute / 60, minute % 60);
    }

    public DayResources resources() {
        return resources;
    }

    public List<BookedSlot> booked() {
        return booked;
    }

    /** The earliest slot for the duration that honours what is wanted (a fixed start time is only looked at itself). */
    public Optional<Slot> first(int durationMinutes, SlotWanted wanted) {
        List<Integer> starts = wanted.startTime() != null ? List.of(minuteOf(wanted.startTime())) : candidateStarts();
        for (int start : starts) {
            Optional<Slot> slot = freeAt(start, durationMinutes, wanted.chair(), wanted.providerId());
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    /**
     * Free start times for the duration near {@code around}, honouring the wanted chair and injector: at most
     * {@code max} before it and at most {@code max} after it, nearest first (the earlier one first when two are equally
     * near). {@code around} itself is left out.
     */
    public List<LocalTime> nearest(int durationMinutes, SlotWanted wanted, LocalTime around, int max) {
        int pivot = minuteOf(around);
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (int start : candidateStarts()) {
            if (start == pivot || freeAt(start, durationMinutes, wanted.chair(), wanted.providerId()).isEmpty()) {
                continue;
            }
            if (start < pivot) {
                before.add(start);
            } else if (after.size() < max) {
                after.add(start);
            }
        }
        List<Integer> nearest = new ArrayList<>(before.subList(Math.max(0, before.size() - max), before.size()));
        nearest.addAll(after);
        nearest.sort(Comparator.<Integer>comparingInt(m -> Math.abs(m - pivot)).thenComparingInt(m -> m));
        return nearest.stream().map(DaySlots::timeOf).toList();
    }

    /** The first listed chair and injector both free over [start, start + duration), if any. */
    public Optional<Slot> freeAt(int start, int durationMinutes, String chair, String providerId) {
        int end = start + durationMinutes;
        if (start < 0 || end > MINUTES_PER_DAY) {
            return Optional.empty();
        }
        for (ResourceHours c : resources.chairs()) {
            if ((chair != null && !chair.equals(c.id())) || !c.covers(start, end) || held(start, end, c.id(), true)) {
                continue;
            }
            for (ResourceHours p : resources.providers()) {
                if ((providerId != null && !providerId.equals(p.id())) || !p.covers(start, end)
                        || held(start, end, p.id(), false)) {
                    continue;
                }
                return Optional.of(new Slot(date, timeOf(start), timeOf(end % MINUTES_PER_DAY), c.id(), p.id()));
            }
        }
        return Optional.empty();
    }

    private boolean held(int start, int end, String id, boolean chair) {
        for (BookedSlot b : booked) {
            if (id.equals(chair ? b.chair() : b.providerId()) && b.overlaps(start, end)) {
                return true;
            }
        }
        return false;
    }

    /** Every opening time, every end of a booked appointment, and the grid from the earliest opening, in order. */
    private List<Integer> candidateStarts() {
        TreeSet<Integer> starts = new TreeSet<>();
        int earliest = MINUTES_PER_DAY;
        int latest = 0;
        for (List<ResourceHours> kind : List.of(resources.chairs(), resources.providers())) {
            for (ResourceHours r : kind) {
                starts.add(r.opensMinute());
                earliest = Math.min(earliest, r.opensMinute());
                latest = Math.max(latest, r.closesMinute());
            }
        }
        for (BookedSlot b : booked) {
            starts.add(b.endMinute());
        }
        for (int m = earliest; m < latest; m += stepMinutes) {
            starts.add(m);
        }
        return new ArrayList<>(starts);
    }
}
