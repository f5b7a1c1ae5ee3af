-- The retention job deletes published outbox rows and processed-event records past their retention, oldest first,
-- in batches; these indexes let it find them without reading the whole table.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);
