package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chairs and injectors of one clinic day, in the order slots are handed out (the first chair and the first
 * injector first). Staff set them per day; a day they did not set has the configured defaults.
 *
 * @param custom whether staff set them for the day (false: the configured defaults)
 */
public record DayResources(List<ResourceHours> chairs, List<ResourceHours> providers, boolean custom) {

    public DayResources {
        chairs = List.copyOf(chairs);
        providers = List.copyOf(providers);
    }

    /** The configured default day: chairs chair-1..n and injectors injector-1..m, all there from opensAt for hours. */
    public static DayResources defaults(int chairs, int injectors, LocalTime opensAt, int hours) {
        LocalTime closesAt = hours >= 24 ? LocalTime.of(23, 59) : opensAt.plusHours(hours);
        if (closesAt.isBefore(opensAt)) {
            closesAt = LocalTime.of(23, 59);
        }
        List<ResourceHours> c = new ArrayList<>();
        for (int i = 1; i <= chairs; i++) {
            c.add(new ResourceHours("chair-" + i, opensAt, closesAt));
        }
        List<ResourceHours> p = new ArrayList<>();
        for (int i = 1; i <= injectors; i++) {
            p.add(new ResourceHours("injector-" + i, opensAt, closesAt));
        }
        return new DayResources(c, p, false);
    }

    /** Chair minutes of the day: every chair's opening hours added up (the default: chairs x hours). */
    public int chairMinutes() {
        return chairs.stream().mapToInt(ResourceHours::minutes).sum();
    }

    public Optional<ResourceHours> chair(String id) {
        return chairs.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<ResourceHours> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
