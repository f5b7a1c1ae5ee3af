package org.botoxclinic.referral.referral.domain;

/**
 * The outcome measures the clinic tracks, one vocabulary in every service (lower is better for all of them), and
 * which one is each indication's primary measure: its baseline travels in ReferralAccepted.
 */
public enum OutcomeMeasure {
    HEADACHE_DAYS_PER_MONTH, MIDAS, HIT_6, TWSTRS_TOTAL, MODIFIED_ASHWORTH, JANKOVIC_RATING_SCALE, CGI_SEVERITY;

    public static OutcomeMeasure primaryFor(Indication indication) {
        return switch (indication) {
            case CHRONIC_MIGRAINE -> HEADACHE_DAYS_PER_MONTH;
            case CERVICAL_DYSTONIA -> TWSTRS_TOTAL;
            case SPASTICITY -> MODIFIED_ASHWORTH;
            case BLEPHAROSPASM, HEMIFACIAL_SPASM -> JANKOVIC_RATING_SCALE;
            case LUMBAR_DYSTONIA, WRITERS_CRAMP -> CGI_SEVERITY;
        };
    }
}
