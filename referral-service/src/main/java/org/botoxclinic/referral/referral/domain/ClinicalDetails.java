package org.botoxclinic.referral.referral.domain;

import java.util.List;

/** Supporting clinical information the triage rules read; every field is optional on intake. */
public record ClinicalDetails(Integer headacheDaysPerMonth,
                              Double headacheHoursPerDay,
                              Integer migraineDaysPerMonth,
                              Integer symptomMonths,
                              List<String> priorPreventiveClasses,
                              Boolean currentCgrpAntagonist,
                              String spasticityCause,
                              String affectedSide) {
}
