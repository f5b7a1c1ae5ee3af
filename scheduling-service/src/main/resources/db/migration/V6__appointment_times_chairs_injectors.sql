-- Appointment times, chairs and injectors. Each appointment takes a chair (a room) and an injector (the provider)
-- from its start time for its duration; the open appointments (BOOKED, CHECKED_IN) of one chair never overlap on a
-- day, nor those of one injector. The service finds free slots under the clinic day's row lock; the exclusion
-- constraints below make the database refuse an overlap whatever the code does.

-- Equality on date and text inside a GiST exclusion constraint (a trusted extension: the database owner may create it).
create extension if not exists btree_gist;

-- The minutes of the day an appointment occupies, [start, start + duration), as the exclusion constraints compare them.
create function clinic_minutes(start_time time, duration_minutes integer) returns int4range
    language sql immutable strict parallel safe as
$$ select int4range(extract(hour from start_time)::integer * 60 + extract(minute from start_time)::integer,
                    extract(hour from start_time)::integer * 60 + extract(minute from start_time)::integer
                        + duration_minutes) $$;

alter table appointment add column start_time time, add column chair text, add column provider_id text;

-- Backfill: each day's appointments holding chair time (all but cancelled ones), in booking order, dealt in turn to the
-- default chair and injector pairs (chair-1 with injector-1, chair-2 with injector-2, ...), each pair's appointments one
-- after the other from the default opening time. So no two of them overlap on a chair or an injector. Cancelled
-- appointments hold nothing: they keep the opening time on the first pair.
with ordered as (
    select id, clinic_date, created_at, duration_minutes,
           (row_number() over (partition by clinic_date order by created_at, id) - 1)
               % least(${default_chairs}, ${default_injectors}) + 1 as pair
      from appointment
     where status <> 'CANCELLED'),
laid as (
    select id, pair,
           coalesce(sum(duration_minutes) over (partition by clinic_date, pair order by created_at, id
                                                rows between unbounded preceding and 1 preceding), 0) as offset_minutes
      from ordered)
update appointment a
   set start_time = time '${default_opens_at}' + make_interval(mins => laid.offset_minutes::integer),
       chair = 'chair-' || laid.pair,
       provider_id = 'injector-' || laid.pair
  from laid
 where laid.id = a.id;
update appointment
   set start_time = time '${default_opens_at}', chair = 'chair-1', provider_id = 'injector-1'
 where start_time is null;

alter table appointment
    alter column start_time set not null,
    alter column chair set not null,
    alter column provider_id set not null,
    add constraint appointment_within_the_day
        check (extract(hour from start_time) * 60 + extract(minute from start_time) + duration_minutes <= 1440
               and extract(second from start_time) = 0),
    add constraint appointment_chair_not_double_booked
        exclude using gist (clinic_date with =, chair with =, clinic_minutes(start_time, duration_minutes) with &&)
        where (status in ('BOOKED', 'CHECKED_IN')),
    add constraint appointment_injector_not_double_booked
        exclude using gist (clinic_date with =, provider_id with =, clinic_minutes(start_time, duration_minutes) with &&)
        where (status in ('BOOKED', 'CHECKED_IN'));

-- The chairs and injectors staff set for a day (PUT /api/clinic-days/{date}/resources), with their hours. A day
-- without rows has the configured default ones (clinic.scheduling.clinic-days.chairs / injectors / opens-at / hours).
create table clinic_day_resource (
    clinic_date date    not null references clinic_day (date),
    kind        text    not null check (kind in ('CHAIR', 'PROVIDER')),
    resource_id text    not null check (length(resource_id) between 1 and 64),
    position    integer not null,
    opens_at    time    not null,
    closes_at   time    not null,
    primary key (clinic_date, kind, resource_id),
    check (closes_at > opens_at)
);
