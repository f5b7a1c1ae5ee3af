-- Treatment outcomes. The plan keeps the baseline the accepted referral reported (the indication's primary measure),
-- how many treatments were completed and the date of the second, and its latest primary-measure outcome; from these
-- the service works out the improvement after the second treatment, stored for the non-responders list.
alter table treatment_plan
    add column baseline_measure                     text,
    add column baseline_value                       numeric(5, 1),
    add column treatments_completed                 integer not null default 0,
    add column second_treatment_date                date,
    add column latest_primary_value                 numeric(5, 1),
    add column latest_primary_assessed_on           date,
    add column improvement_after_second_treatment   numeric(7, 1);

-- Treatments completed before this version: counted from the fulfilled appointments (one open appointment per
-- referral and at least 84 days between treatments, so the second by date is the second given).
update treatment_plan p
set treatments_completed = t.completed,
    second_treatment_date = t.second_date
from (select referral_id, count(*) as completed, (array_agg(clinic_date order by clinic_date))[2] as second_date
      from appointment
      where status = 'FULFILLED'
      group by referral_id) t
where p.referral_id = t.referral_id;

-- One assessment per plan, measure and day: a resent request finds the one already stored.
create table treatment_outcome (
    id           uuid          primary key,
    referral_id  uuid          not null references treatment_plan (referral_id),
    measure      text          not null,
    value        numeric(5, 1) not null,
    assessed_on  date          not null,
    recorded_at  timestamptz   not null,
    constraint treatment_outcome_once_a_day unique (referral_id, measure, assessed_on)
);
create index treatment_outcome_by_plan on treatment_outcome (referral_id, assessed_on desc, recorded_at desc);

-- The non-responders list: plans judged after two treatments, lowest improvement first, then by referral.
create index treatment_plan_non_responders on treatment_plan (improvement_after_second_treatment, referral_id)
    where improvement_after_second_treatment is not null;
