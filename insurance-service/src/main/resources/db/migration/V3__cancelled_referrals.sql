-- Issue 9: referrals this service knows to be cancelled, remembered when ReferralCancelled is consumed (even when no
-- case exists yet), so that a ReferralAccepted arriving later (a replay, a replayed dead letter, cross-topic timing)
-- never opens a case for them. Written once per referral; never updated or deleted.
create table cancelled_referral (
    referral_id  uuid        primary key,
    recorded_at  timestamptz not null
);
