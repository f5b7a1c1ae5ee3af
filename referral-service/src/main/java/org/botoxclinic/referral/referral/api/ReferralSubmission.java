package org.botoxclinic.referral.referral.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.botoxclinic.referral.referral.domain.Address;
import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.platform.domain.Coverage;
import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.Patient;
import org.botoxclinic.referral.referral.domain.ReferralSource;
import org.botoxclinic.referral.referral.domain.ReferringProvider;
import org.botoxclinic.referral.referral.domain.Sex;
import org.botoxclinic.referral.referral.domain.Urgency;
import org.botoxclinic.referral.referral.service.NewReferral;

/**
 * The body of POST /api/referrals. Shape, lengths and formats are declared here; the rules that need more than one
 * field or today's date (NPI check digit, codes that fit the indication, a plausible birth date) are in SubmissionRules.
 */
public record ReferralSubmission(
        @Size(min = 1, max = 64) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
        String externalReferralId,
        @NotNull @Valid PatientData patient,
        @NotNull @Valid ProviderData referringProvider,
        @NotNull Indication indication,
        @NotEmpty @Size(max = 12) List<@NotNull @Pattern(regexp = ICD10_CM, message = "must be an ICD-10-CM code such as G43.709") String> diagnosisCodes,
        @Valid ClinicalDetails clinicalDetails,
        @NotNull @Valid InsuranceData insurance,
        Urgency urgency,
        @Size(max = 4000) String notes) {

    /** ICD-10-CM: a letter (not U), two characters, then optionally a dot and one to four more. */
    public static final String ICD10_CM = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-Z]{1,4})?";
    private static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M} .'\\-]*";
    private static final String PHONE = "\\+?[0-9 ().\\-]{7,20}";

    public record PatientData(@NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name") String firstName,
                              @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name") String lastName,
                              @NotNull LocalDate dateOfBirth,
                              @NotNull Sex sex,
                              @NotBlank @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
                              @Email @Size(max = 254) String email,
                              @Valid AddressData address) {
    }

    public record AddressData(@NotBlank @Size(max = 200) String line1,
                              @Size(max = 200) String line2,
                              @NotBlank @Size(max = 100) String city,
                              @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String state,
                              @NotBlank @Pattern(regexp = "[0-9]{5}(-[0-9]{4})?", message = "must be a ZIP code") String postalCode) {
    }

    public record ProviderData(@NotBlank @Pattern(regexp = "[0-9]{10}", message = "must be a 10-digit NPI") String npi,
                               @NotBlank @Size(max = 200) String name,
                               @Size(max = 200) String practice,
                               @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
                               @Pattern(regexp = PHONE, message = "must be a fax number") String fax) {
    }

    public record InsuranceData(@NotBlank @Size(max = 64) String payerId,
                                @NotBlank @Size(max = 200) String payerName,
                                @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9\\-]+", message = "must be letters, digits and dashes") String memberId,
                                @Size(max = 64) String groupNumber,
                                @Size(max = 64) String planType) {

        Coverage toCoverage() {
            return new Coverage(payerId, payerName, memberId, groupNumber, planType);
        }
    }

    /** The referral to store, once the submission is valid. */
    NewReferral toNewReferral(ReferralSource source, String partnerId, String idempotencyKey, String fingerprint,
                              String submittedBy) {
        var p = patient;
        var a = p.address();
        var d = referringProvider;
        return new NewReferral(source, partnerId, idempotencyKey, fingerprint, submittedBy, externalReferralId, indication,
                urgency, diagnosisCodes,
                new Patient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex(), p.phone(), p.email(),
                        a == null ? null : new Address(a.line1(), a.line2(), a.city(), a.state(), a.postalCode())),
                new ReferringProvider(d.npi(), d.name(), d.practice(), d.phone(), d.fax()),
                insurance.toCoverage(), clinicalDetails, notes);
    }
}
