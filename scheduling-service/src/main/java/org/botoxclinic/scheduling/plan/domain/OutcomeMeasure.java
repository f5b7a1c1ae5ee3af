package org.botoxclinic.scheduling.plan.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scales a treatment's effect is measured on, with the values each allows and the indications it is used for
 * (one vocabulary across the services; lower is better on every one of them).
 */
public enum OutcomeMeasure {
    HEADACHE_DAYS_PER_MONTH(0, 31, Set.of("CHRONIC_MIGRAINE"), Set.of()),
    MIDAS(0, 270, Set.of(), Set.of("CHRONIC_MIGRAINE")),
    HIT_6(36, 78, Set.of(), Set.of("CHRONIC_MIGRAINE")),
    TWSTRS_TOTAL(0, 85, Set.of("CERVICAL_DYSTONIA"), Set.of()),
    /** Ordinal grades 0, 1, 1+, 2, 3, 4; "1+" is written 1.5. */
    MODIFIED_ASHWORTH(0, 4, Set.of("SPASTICITY"), Set.of()),
    JANKOVIC_RATING_SCALE(0, 8, Set.of("BLEPHAROSPASM", "HEMIFACIAL_SPASM"), Set.of()),
    CGI_SEVERITY(1, 7, Set.of("LUMBAR_DYSTONIA", "WRITERS_CRAMP"), Set.of());

    private static final List<BigDecimal> ASHWORTH_GRADES = List.of(new BigDecimal("0"), new BigDecimal("1"),
            new BigDecimal("1.5"), new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("4"));

    private final BigDecimal min;
    private final BigDecimal max;
    private final Set<String> primaryFor;
    private final Set<String> optionalFor;

    OutcomeMeasure(int min, int max, Set<String> primaryFor, Set<String> optionalFor) {
        this.min = BigDecimal.valueOf(min);
        this.max = BigDecimal.valueOf(max);
        this.primaryFor = primaryFor;
        this.optionalFor = optionalFor;
    }

    /** The measure an indication's response is judged on (the baseline's measure), if the clinic has one for it. */
    public static Optional<OutcomeMeasure> primaryFor(String indication) {
        return Arrays.stream(values()).filter(m -> m.primaryFor.contains(indication)).findFirst();
    }

    /** The measures that may be recorded for an indication: its primary one and the optional ones. */
    public static List<OutcomeMeasure> allowedFor(String indication) {
        return Arrays.stream(values()).filter(m -> m.isAllowedFor(indication)).toList();
    }

    public boolean isAllowedFor(String indication) {
        return primaryFor.contains(indication) || optionalFor.contains(indication);
    }

    public boolean isPrimaryFor(String indication) {
        return primaryFor.contains(indication);
    }

    /** Why the value is not on this scale, or empty when it is. */
    public Optional<String> problemWith(BigDecimal value) {
        if (this == MODIFIED_ASHWORTH) {
            return ASHWORTH_GRADES.stream().anyMatch(grade -> grade.compareTo(value) == 0) ? Optional.empty()
                    : Optional.of("must be one of 0, 1, 1.5 (for 1+), 2, 3, 4 on the " + this + " scale");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return Optional.of("must be between " + min + " and " + max + " on the " + this + " scale");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            return Optional.of("must be a whole number on the " + this + " scale");
        }
        return Optional.empty();
    }
}
