package org.botoxclinic.console.scheduling;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A referral's treatment plan: the patient, what is left of the authorization, and when the patient may come next. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record TreatmentPlan(UUID referralId, UUID patientId, Patient patient, String indication, String status,
                            Authorization authorization, LocalDate lastTreatmentDate, LocalDate nextEligibleDate,
                            LocalDate suggestedClinicDay, int treatmentsCompleted) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
        public String displayName() {
            return lastName + ", " + firstName;
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Authorization(UUID id, String number, LocalDate validFrom, LocalDate validTo, int visitsRemaining,
                                int unitsRemaining, boolean unitsOverrun, int unitsOverBy) {
    }

    /** The patient's name, or the referral's id for a plan that has none. */
    public String patientName() {
        return patient == null ? "Referral " + referralId : patient.displayName();
    }
}
