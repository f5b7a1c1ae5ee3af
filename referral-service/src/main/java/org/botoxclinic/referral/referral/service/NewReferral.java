package org.botoxclinic.referral.referral.service;

import java.util.List;

import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.platform.domain.Coverage;
import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.Patient;
import org.botoxclinic.referral.referral.domain.ReferralSource;
import org.botoxclinic.referral.referral.domain.ReferringProvider;
import org.botoxclinic.referral.referral.domain.Urgency;

/**
 * A referral to store, in the clinic's words: what the API makes of a partner's submission or of intake's entry,
 * with who sent it, its Idempotency-Key and the fingerprint of its content (so a resend is recognized).
 */
public record NewReferral(ReferralSource source, String partnerId, String idempotencyKey, String fingerprint,
                          String submittedBy, String externalReferralId, Indication indication, Urgency urgency,
                          List<String> diagnosisCodes, Patient patient, ReferringProvider referringProvider,
                          Coverage insurance, ClinicalDetails clinicalDetails, String notes) {
}
