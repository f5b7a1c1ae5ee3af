-- The patient: referral-service's identity of the person behind referrals. A patient row keeps only the folded match
-- keys of the referral that created it (no names, phones or member ids in clear: those stay on the referrals), so
-- that the same person is recognised across referrals.

-- Levenshtein distance for the list of possible duplicates (a trusted extension: the database owner may create it).
create extension if not exists fuzzystrmatch;

-- The folds below are the one definition of a match key: intake, this backfill and the duplicate list all call them.
-- A name: compatibility-decomposed (accents become combining marks), then combining marks, whitespace and the
-- punctuation a name may carry (. ' -) removed, then lower case. "José-María O'Neil" and "jose maria oneil" fold alike.
create function patient_name_key(name text) returns text
    language sql immutable strict parallel safe as
$$ select nullif(lower(regexp_replace(normalize(name, NFKD),
        '[[:space:].''\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f-]', '', 'g')), '') $$;

-- A member id: letters and digits only, upper case ("w-123 456" is "W123456").
create function patient_member_key(member_id text) returns text
    language sql immutable strict parallel safe as
$$ select nullif(upper(regexp_replace(member_id, '[^A-Za-z0-9]', '', 'g')), '') $$;

-- A phone: digits only, a leading US country code 1 on an 11-digit number dropped ("+1 (555) 010-0100" is "5550100100").
create function patient_phone_key(phone text) returns text
    language sql immutable strict parallel safe as
$$ select nullif(case when length(d) = 11 and left(d, 1) = '1' then substr(d, 2) else d end, '')
     from (select regexp_replace(phone, '[^0-9]', '', 'g') as d) digits $$;

create table patient (
    id              uuid        primary key,
    date_of_birth   date        not null,
    first_name_key  text        not null,
    last_name_key   text        not null,
    member_id_key   text        not null,
    phone_key       text,
    -- The patient this one was merged into (always a live one: merges re-point earlier merges), null while live.
    merged_into     uuid        references patient (id),
    merged_at       timestamptz,
    created_at      timestamptz not null,
    version         integer     not null default 0,
    constraint patient_not_merged_into_itself check (merged_into is null or merged_into <> id)
);

-- The two deterministic matches, each unique: a concurrent submission for the same new person meets the index
-- (insert ... on conflict do nothing) and finds the patient the other one created.
create unique index patient_by_name_and_member on patient (date_of_birth, last_name_key, first_name_key, member_id_key);
create unique index patient_by_phone on patient (date_of_birth, phone_key);
-- Live patients by birth date: the pairs the duplicate list compares, in its cursor's order.
create index patient_live_by_birth_date on patient (date_of_birth, id) where merged_into is null;
create index patient_merged_into on patient (merged_into) where merged_into is not null;

alter table referral add column patient_id uuid references patient (id);

-- Every existing referral gets its patient by the same rules intake applies, in the order the referrals arrived, so
-- the result is what intake would have made of them. A patient's id is derived from its first referral's id.
create temporary table referral_patient (referral_id uuid primary key, patient_id uuid not null) on commit drop;

do $$
declare
    r record;
    found uuid;
begin
    for r in select id, created_at, patient_date_of_birth as dob, patient_name_key(patient_first_name) as first_key,
                    patient_name_key(patient_last_name) as last_key, patient_member_key(insurance_member_id) as member_key,
                    patient_phone_key(patient_phone) as phone_key
               from referral order by created_at, id
    loop
        select coalesce(p.merged_into, p.id) into found
          from patient p
         where p.date_of_birth = r.dob
           and ((p.last_name_key = r.last_key and p.first_name_key = r.first_key and p.member_id_key = r.member_key)
                or p.phone_key = r.phone_key)
         order by (p.last_name_key = r.last_key and p.first_name_key = r.first_key and p.member_id_key = r.member_key) desc,
                  p.id
         limit 1;
        if found is null then
            found := md5('patient:' || r.id)::uuid;
            insert into patient (id, date_of_birth, first_name_key, last_name_key, member_id_key, phone_key, created_at)
            values (found, r.dob, coalesce(r.first_key, ''), coalesce(r.last_key, ''), coalesce(r.member_key, ''),
                    r.phone_key, r.created_at);
        end if;
        insert into referral_patient values (r.id, found);
    end loop;
end $$;

update referral set patient_id = rp.patient_id from referral_patient rp where rp.referral_id = referral.id;

alter table referral alter column patient_id set not null;
-- A patient's referrals (the patient view, a merge's re-keying).
create index referral_patient on referral (patient_id, created_at, id);
