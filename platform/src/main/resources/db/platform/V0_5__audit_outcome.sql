-- A lookup the caller was refused (another partner's referral, answered 404 like a missing one) is recorded too,
-- with the outcome DENIED; everything recorded before this column existed was allowed.
alter table audit_entry add column outcome text not null default 'ALLOWED';
alter table audit_entry add constraint audit_entry_outcome check (outcome in ('ALLOWED', 'DENIED'));
