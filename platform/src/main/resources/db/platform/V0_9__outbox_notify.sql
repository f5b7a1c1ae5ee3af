-- The outbox relay sleeps until there is work: every transaction that adds outbox rows notifies the channel
-- clinic_outbox when it commits (PostgreSQL delivers notifications only on commit, and folds identical ones of one
-- transaction into one), and each replica's relay LISTENs on it. A statement-level trigger costs no round trip
-- to the service. A missed notification (the listener's connection was down) is covered by the relay's safety poll
-- and by the sweep it makes every time its listener (re)connects.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('clinic_outbox', '');
    return null;
end
$$;

create trigger outbox_event_notify
    after insert on outbox_event
    for each statement execute function outbox_event_notify();
