package org.botoxclinic.referral.referral.service;

import java.time.OffsetDateTime;
import java.util.List;

import org.botoxclinic.referral.referral.domain.Referral;

/**
 * Announces, synchronously and in the use case's transaction, what happened to a referral at intake, so that
 * features built on the referral (its timeline and the partner's webhook) follow it without the referral knowing
 * them. One announcement carries every step of one use case in order (a submission is received, then screened),
 * so that they are written together.
 */
public record ReferralChanged(Referral referral, List<Step> steps) {

    public ReferralChanged {
        steps = List.copyOf(steps);
    }

    /** One step: what changed, in words for the timeline, and when. */
    public record Step(Change change, String detail, OffsetDateTime at) {
    }

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
