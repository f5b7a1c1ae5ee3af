package org.botoxclinic.referral.referral.service;

import java.time.OffsetDateTime;

import org.botoxclinic.referral.referral.domain.Referral;

/**
 * Announces, synchronously and in the use case's transaction, something that happened to a referral at intake,
 * so that features built on the referral (its timeline and the partner's webhook) follow it without the referral
 * knowing them.
 */
public record ReferralChanged(Referral referral, Change change, String detail, OffsetDateTime at) {

    /** The referral's own changes, from receipt to the staff's decision. */
    public enum Change {
        RECEIVED,
        TRIAGED,
        INFO_REQUESTED,
        INFO_PROVIDED,
        ACCEPTED,
        DECLINED,
        CANCELLED
    }
}
