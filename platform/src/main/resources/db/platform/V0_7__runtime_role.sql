-- The service runs as its runtime role (${runtime_role}, the datasource login); these migrations run as the owner
-- of every table. The runtime role gets full DML on the service's tables, now and later (default privileges for
-- tables the owner creates in later migrations), and on the audit trail only INSERT and SELECT: it cannot change,
-- delete or truncate an entry, and, not owning the table, cannot drop or disable its trigger or alter it.
do $$
begin
    if current_user = '${runtime_role}' then
        raise exception 'migrations must run as the owner role, not as the service''s runtime role %: set DB_MIGRATION_USERNAME and DB_MIGRATION_PASSWORD', current_user;
    end if;
end
$$;

grant usage on schema public to "${runtime_role}";
grant select, insert, update, delete on all tables in schema public to "${runtime_role}";
grant usage, select on all sequences in schema public to "${runtime_role}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${runtime_role}";
alter default privileges in schema public grant usage, select on sequences to "${runtime_role}";

revoke all on audit_entry from "${runtime_role}";
grant select, insert on audit_entry to "${runtime_role}";

-- The migration history is the owner's alone.
revoke all on "${flyway:table}" from "${runtime_role}";
