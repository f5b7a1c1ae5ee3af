package org.botoxclinic.referral.referral.domain;

/** Why a referral screened as it did: a stable machine code and a sentence for the intake coordinator. */
public record TriageReason(String code, String text) {
}
