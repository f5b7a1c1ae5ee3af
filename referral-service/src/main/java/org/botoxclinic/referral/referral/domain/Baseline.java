package org.botoxclinic.referral.referral.domain;

/** An indication's primary outcome measure before treatment, as the referral gave it. */
public record Baseline(OutcomeMeasure measure, Number value) {
}
