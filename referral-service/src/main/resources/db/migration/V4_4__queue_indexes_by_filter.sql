-- The intake queue narrowed to one status (RECEIVED is the intake team's list), or to one indication and screening
-- outcome, read in queue order (urgency rank, received, id) straight from an index, a cursor's page included.
create index referral_status_queue on referral (status, urgency_rank, created_at, id);
create index referral_indication_queue on referral (indication, triage_outcome, urgency_rank, created_at, id);
