-- The authorization-ending list asks for bookable plans with visits left whose window ends soon. Its index held every
-- plan by end of window, so the list read and threw away each plan ending soon whose visits were used up (at 1M
-- referrals: 26,021 plans read for an empty page, 15 ms). Now the index holds only plans with visits left. Its
-- condition compares two columns, with no value bound, so every plan of the query can use it, generic ones too; the
-- statuses stay a filter (a partial index on them also matched the ready-to-schedule query, see V3).
drop index treatment_plan_window_end;
create index treatment_plan_window_end on treatment_plan (valid_to, referral_id) where approved_visits > visits_used;
