-- The first day the window and the cadence allow (TreatmentCadence: 84 days after the last treatment, never before
-- the window's start), whatever today is; null when neither is known. Computed by the database from the two columns,
-- so no writer can leave it stale. A plan's next eligible date is this or today, whichever is later: the
-- ready-to-schedule and due lists read the plans eligible today by referral, then the later ones by this column.
alter table treatment_plan
    add column eligible_from date generated always as (greatest(valid_from, last_treatment_date + 84)) stored;

-- Ready plans in referral order (eligible today), and in (eligible_from, referral) order (eligible later).
drop index treatment_plan_status;
create index treatment_plan_status on treatment_plan (status, referral_id);
create index treatment_plan_eligible on treatment_plan (status, eligible_from, referral_id);
-- Authorizations ending soon, by end of window (the authorization-ending list). Not partial on the bookable statuses:
-- then it also matched the ready-to-schedule query, and PostgreSQL, misjudging how many plans it holds, preferred it
-- and sorted every ready plan instead of reading the first page in referral order.
create index treatment_plan_window_end on treatment_plan (valid_to, referral_id);

-- Missed appointments by date (the no-show list), and the chair time booked per day read from the index alone.
create index appointment_by_status on appointment (status, clinic_date, id);
drop index appointment_by_date;
create index appointment_by_date on appointment (clinic_date, status) include (duration_minutes);
