package org.botoxclinic.referral.referral.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.botoxclinic.referral.referral.domain.ClinicalDetails;

/** Bodies of the decision endpoints. */
public final class DecisionRequests {

    private DecisionRequests() {
    }

    public record Decline(@NotBlank @Size(max = 2000) String reason) {
    }

    public record RequestInfo(@NotBlank @Size(max = 2000) String question) {
    }

    public record ProvideInfo(@NotBlank @Size(max = 4000) String answer,
                              @Valid ClinicalDetails clinicalDetails,
                              @Valid ReferralSubmission.InsuranceData insurance) {
    }

    public record Cancel(@NotBlank @Size(max = 2000) String reason) {
    }
}
