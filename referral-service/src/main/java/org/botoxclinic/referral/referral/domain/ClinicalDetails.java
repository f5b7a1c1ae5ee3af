package org.botoxclinic.referral.referral.domain;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Supporting clinical information the triage rules read; every field is optional on intake. */
public record ClinicalDetails(@Min(0) @Max(31) Integer headacheDaysPerMonth,
                              @DecimalMin("0") @DecimalMax("24") Double headacheHoursPerDay,
                              @Min(0) @Max(31) Integer migraineDaysPerMonth,
                              @Min(0) @Max(1200) Integer symptomMonths,
                              @Size(max = 6) List<@NotNull PreventiveClass> priorPreventiveClasses,
                              Boolean currentCgrpAntagonist,
                              SpasticityCause spasticityCause,
                              AffectedSide affectedSide) {

    /** Preventive drug classes a chronic-migraine patient has tried (payers usually want two). */
    public enum PreventiveClass { ANTIDEPRESSANT, ANTICONVULSANT, BETA_BLOCKER, CALCIUM_CHANNEL_BLOCKER, CGRP_ANTIBODY, OTHER }

    public enum SpasticityCause { CEREBRAL_PALSY, STROKE, MULTIPLE_SCLEROSIS, OTHER }

    public enum AffectedSide { LEFT, RIGHT, BILATERAL }
}
