package org.botoxclinic.referral.timeline.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/** The closed loop's reading of AuthorizationApproved: the payer approved, fully or in part. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationApprovedMessage(UUID referralId, String outcome, String authorizationNumber,
                                           Integer approvedVisits, Integer approvedUnits, LocalDate validFrom,
                                           LocalDate validTo, OffsetDateTime decidedAt) implements ReportedProgress {

    /** The outcome of an approval that covers less than was asked. */
    static final String PARTIALLY_APPROVED = "PARTIALLY_APPROVED";

    @Override
    public ReferralProgress progress() {
        return ReferralProgress.AUTHORIZATION_APPROVED;
    }

    @Override
    public OffsetDateTime at() {
        return decidedAt;
    }

    @Override
    public String detail() {
        return (PARTIALLY_APPROVED.equals(outcome) ? "Partially approved" : "Approved")
                + ": authorization " + authorizationNumber + ", " + approvedVisits + " visits, "
                + approvedUnits + " units, valid " + validFrom + " to " + validTo;
    }
}
