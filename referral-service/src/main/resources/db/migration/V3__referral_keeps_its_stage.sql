-- The referral keeps its own stage as things happen, instead of deriving it from its timeline each time:
-- whether a payer ever approved it, and when the latest progress its stage reflects happened.
alter table referral
    add column authorized  boolean not null default false,
    add column progress_at timestamptz;

update referral r
   set authorized  = exists (select 1 from timeline_entry t
                              where t.referral_id = r.id and t.type = 'AUTHORIZATION_APPROVED'),
       progress_at = (select max(t.at) from timeline_entry t
                       where t.referral_id = r.id
                         and t.type in ('AUTHORIZATION_SUBMITTED', 'AUTHORIZATION_APPROVED', 'AUTHORIZATION_DENIED',
                                        'APPOINTMENT_SCHEDULED', 'APPOINTMENT_CANCELLED', 'NO_SHOW', 'TREATMENT_COMPLETED'));
