package org.botoxclinic.referral.referral.service;

import org.botoxclinic.referral.referral.domain.Referral;

/** The referral a submission produced, and whether it is new (201) or the replay of an earlier one (200). */
public record SubmitResult(Referral referral, boolean created) {
}
