package org.botoxclinic.referral.referral.domain;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Supporting clinical information the triage rules read; every field is optional on intake. The scale scores are the
 * baseline of each indication's outcome measure ({@link OutcomeMeasure}), carried to the other services on acceptance.
 */
public record ClinicalDetails(@Min(0) @Max(31) Integer headacheDaysPerMonth,
                              @DecimalMin("0") @DecimalMax("24") Double headacheHoursPerDay,
                              @Min(0) @Max(31) Integer migraineDaysPerMonth,
                              @Min(0) @Max(1200) Integer symptomMonths,
                              @Size(max = 6) List<@NotNull PreventiveClass> priorPreventiveClasses,
                              Boolean currentCgrpAntagonist,
                              SpasticityCause spasticityCause,
                              AffectedSide affectedSide,
                              /** Toronto Western Spasmodic Torticollis Rating Scale, total score. */
                              @Min(0) @Max(85) Integer twstrsTotal,
                              /** Modified Ashworth Scale grade; 1.5 stands for "1+". */
                              @ModifiedAshworthGrade Double modifiedAshworth,
                              /** Jankovic Rating Scale (severity plus frequency). */
                              @Min(0) @Max(8) Integer jankovicRatingScale,
                              /** Clinical Global Impression - Severity. */
                              @Min(1) @Max(7) Integer cgiSeverity) {

    /** Details that say nothing: what the rules read when a referral gave none. */
    public static final ClinicalDetails NONE = new ClinicalDetails(null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** Preventive drug classes a chronic-migraine patient has tried (payers usually want two). */
    public enum PreventiveClass { ANTIDEPRESSANT, ANTICONVULSANT, BETA_BLOCKER, CALCIUM_CHANNEL_BLOCKER, CGRP_ANTIBODY, OTHER }

    public enum SpasticityCause { CEREBRAL_PALSY, STROKE, MULTIPLE_SCLEROSIS, OTHER }

    public enum AffectedSide { LEFT, RIGHT, BILATERAL }

    /** The indication's primary outcome measure as these details give it, if they do. */
    public Optional<Baseline> baselineFor(Indication indication) {
        OutcomeMeasure measure = OutcomeMeasure.primaryFor(indication);
        Number value = switch (measure) {
            case HEADACHE_DAYS_PER_MONTH -> headacheDaysPerMonth;
            case TWSTRS_TOTAL -> twstrsTotal;
            case MODIFIED_ASHWORTH -> modifiedAshworth;
            case JANKOVIC_RATING_SCALE -> jankovicRatingScale;
            case CGI_SEVERITY -> cgiSeverity;
            case MIDAS, HIT_6 -> null;
        };
        return value == null ? Optional.empty() : Optional.of(new Baseline(measure, value));
    }
}
