-- Who read or changed what, and when: one append-only trail per service.
create table audit_entry (
    id            bigserial   primary key,
    at            timestamptz not null,
    actor         text        not null,
    actor_groups  text        not null,
    partner_id    text,
    action        text        not null,
    resource_type text        not null,
    resource_id   text        not null,
    referral_id   uuid
);

create index audit_entry_referral on audit_entry (referral_id, id);
create index audit_entry_resource on audit_entry (resource_type, resource_id, id);

-- Append-only: the database itself refuses to change or remove an entry.
create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
