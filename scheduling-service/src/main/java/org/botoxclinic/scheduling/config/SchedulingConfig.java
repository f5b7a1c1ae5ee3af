package org.botoxclinic.scheduling.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The clinic's scheduling choices, kept in configuration because they differ between practices and payers. */
@ConfigMapping(prefix = "clinic.scheduling")
public interface SchedulingConfig {

    ClinicDays clinicDays();

    /** Chair minutes per appointment, by indication (CHRONIC_MIGRAINE=30, BLEPHAROSPASM=15, ...). */
    Map<String, Integer> durationMinutes();

    /** Chair minutes for an indication missing from {@link #durationMinutes()}. */
    @WithDefault("30")
    int defaultDurationMinutes();

    /** How long after the end of its clinic day a still BOOKED appointment becomes a no-show. */
    @WithDefault("24h")
    Duration noShowGrace();

    /** How often the no-show job looks for missed appointments (read by its @Scheduled expression). */
    @WithDefault("15m")
    String noShowCheckEvery();

    /** The "due" worklist: patients eligible within this many days and not booked. */
    @WithDefault("30")
    int dueWithinDays();

    /** The "authorization-ending" worklist: windows that end within this many days with visits unused. */
    @WithDefault("45")
    int authorizationEndingWithinDays();

    /** Most units one patient may receive within 84 days, across indications. */
    @WithName("max-units-per-84-days")
    @WithDefault("400")
    int maxUnitsPer84Days();

    /**
     * The grid of start times offered besides the ones right after an appointment or an opening: the nearest free
     * times a refused requested time answers with are read from it.
     */
    @WithDefault("15")
    int slotStepMinutes();

    /** Where the clinic day takes place, as messages to patients and calendar entries name it. */
    @WithDefault("Neurology clinic, Botox clinic day")
    String place();

    /** How clinic days are generated. */
    interface ClinicDays {

        /** The weekday of the monthly clinic day. */
        @WithDefault("WEDNESDAY")
        DayOfWeek weekday();

        /** Which occurrence of that weekday in the month (1-5; a month without a fifth one has no clinic day). */
        @WithDefault("3")
        int weekOfMonth();

        /** How many months ahead clinic days exist. */
        @WithDefault("12")
        int horizonMonths();

        /** Chairs (rooms) of a day staff did not set otherwise: chair-1..n. */
        @WithDefault("2")
        int chairs();

        /** Injectors (providers) of a day staff did not set otherwise: injector-1..n. */
        @WithDefault("2")
        int injectors();

        /** When the default chairs open and the default injectors start. */
        @WithDefault("09:00")
        LocalTime opensAt();

        /** How long the default chairs are open and the default injectors work. */
        @WithDefault("6")
        int hours();

        /** How often the horizon is rolled forward (read by the generator's @Scheduled expression). */
        @WithDefault("12h")
        String generateEvery();
    }
}
