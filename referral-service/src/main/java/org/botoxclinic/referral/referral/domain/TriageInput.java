package org.botoxclinic.referral.referral.domain;

import java.time.LocalDate;
import java.time.Period;


/** What the screening rules read: the indication, the patient's age on the screening day, the clinical details. */
public record TriageInput(Indication indication, LocalDate dateOfBirth, LocalDate screenedOn, ClinicalDetails details) {

    /** Age in completed years: a patient turns 18 on the day of the 18th birthday, not the day before. */
    public int ageInYears() {
        return Period.between(dateOfBirth, screenedOn).getYears();
    }

    public ClinicalDetails detailsOrEmpty() {
        return details != null ? details : ClinicalDetails.NONE;
    }
}
