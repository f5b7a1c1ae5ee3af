package org.botoxclinic.referral.referral.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.Sex;
import org.botoxclinic.referral.referral.domain.Urgency;

/** The body of POST /api/referrals, as a partner PCP system sends it. */
public record ReferralSubmission(
        @NotBlank @Size(max = 64) String externalReferralId,
        @NotNull @Valid PatientData patient,
        @NotNull @Valid ProviderData referringProvider,
        @NotNull Indication indication,
        @NotEmpty @Size(max = 12) List<@NotBlank @Pattern(regexp = ICD10_CM, message = "must be an ICD-10-CM code such as G43.709") String> diagnosisCodes,
        ClinicalDetails clinicalDetails,
        @NotNull @Valid InsuranceData insurance,
        Urgency urgency,
        @Size(max = 4000) String notes) {

    static final String ICD10_CM = "[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?";

    public record PatientData(@NotBlank @Size(max = 100) String firstName,
                              @NotBlank @Size(max = 100) String lastName,
                              @NotNull @Past LocalDate dateOfBirth,
                              @NotNull Sex sex,
                              @NotBlank @Size(max = 32) String phone,
                              @Email @Size(max = 254) String email) {
    }

    public record ProviderData(@NotBlank @Pattern(regexp = "[12][0-9]{9}", message = "must be a 10-digit NPI") String npi,
                               @NotBlank @Size(max = 200) String name,
                               @Size(max = 200) String practice,
                               @Size(max = 32) String phone,
                               @Size(max = 32) String fax) {
    }

    public record InsuranceData(@NotBlank @Size(max = 64) String payerId,
                                @NotBlank @Size(max = 200) String payerName,
                                @NotBlank @Size(max = 64) String memberId,
                                @Size(max = 64) String groupNumber,
                                @Size(max = 64) String planType) {
    }
}
