package org.botoxclinic.referral.patient.repository;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.patient.domain.Demographics;
import org.botoxclinic.referral.patient.domain.DuplicateReason;
import org.botoxclinic.referral.patient.domain.Patient;
import org.botoxclinic.referral.patient.domain.PatientKeys;
import org.botoxclinic.referral.patient.domain.PatientReferral;
import org.botoxclinic.referral.patient.domain.PossibleDuplicate;

/**
 * Patients: the deterministic match at intake, a patient's referrals, the list of possible duplicates, and the
 * re-keying a merge makes. The match keys are folded by the database functions of {@code V4_6__patients.sql}, the
 * one definition shared by intake, the backfill and this list.
 */
@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /** The possible-duplicates list's cursors carry its order: birth date, the pair's first id, its second id. */
    public static final String DUPLICATES = "possible-duplicates";

    /**
     * The deterministic match, in one statement: the patient with the same birth date and folded name and member id,
     * else the one with the same birth date and phone (the first rule wins when both match different patients), else
     * a new patient. A merged patient answers its survivor. The row found is locked (for share) so that a merge of it
     * waits for this referral and moves it too.
     */
    private static final String MATCH_OR_CREATE = """
            with k as (
                select cast(?1 as date) as dob, coalesce(patient_name_key(?2), '') as first_key,
                       coalesce(patient_name_key(?3), '') as last_key, coalesce(patient_member_key(?4), '') as member_key,
                       patient_phone_key(?5) as phone_key
            ), found as (
                select coalesce(p.merged_into, p.id) as id,
                       case when p.last_name_key = k.last_key and p.first_name_key = k.first_key
                                 and p.member_id_key = k.member_key then 1 else 2 end as rank
                  from patient p, k
                 where p.date_of_birth = k.dob
                   and ((p.last_name_key = k.last_key and p.first_name_key = k.first_key and p.member_id_key = k.member_key)
                        or p.phone_key = k.phone_key)
                   for share of p
            ), created as (
                insert into patient (id, date_of_birth, first_name_key, last_name_key, member_id_key, phone_key, created_at)
                select ?6, dob, first_key, last_key, member_key, phone_key, ?7 from k
                 where not exists (select 1 from found)
                on conflict do nothing
                returning id
            )
            select id from (select id, rank from found union all select id, 0 from created) m order by rank, id limit 1""";

    /**
     * The patient of a referral about to be stored, found or created by {@link #MATCH_OR_CREATE}: one round trip.
     * When a concurrent submission for the same new person created the patient first, this insert met the unique
     * index, waited for that transaction and did nothing: the statement runs again and finds it (the only case with a
     * second round trip).
     */
    public UUID identify(PatientKeys keys, OffsetDateTime now) {
        for (int attempt = 0; ; attempt++) {
            List<?> rows = getEntityManager().createNativeQuery(MATCH_OR_CREATE)
                    .setParameter(1, keys.dateOfBirth())
                    .setParameter(2, keys.firstName())
                    .setParameter(3, keys.lastName())
                    .setParameter(4, keys.memberId())
                    .setParameter(5, keys.phone())
                    .setParameter(6, UUID.randomUUID())
                    .setParameter(7, Timestamps.utc(now))
                    .getResultList();
            if (!rows.isEmpty()) {
                return (UUID) rows.get(0);
            }
            if (attempt == 2) {
                throw new IllegalStateException("no patient found or created after " + (attempt + 1) + " attempts");
            }
        }
    }

    public Optional<Patient> findLive(UUID id) {
        return findByIdOptional(id).filter(p -> !p.isMerged());
    }

    /** The patient's referrals, oldest first. */
    public List<PatientReferral> referralsOf(UUID patientId) {
        List<?> rows = getEntityManager().createNativeQuery("""
                        select id, status, indication, created_at from referral where patient_id = ?1 order by created_at, id""")
                .setParameter(1, patientId)
                .getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new PatientReferral((UUID) r[0], (String) r[1], (String) r[2], Timestamps.utc(time(r[3])));
        }).toList();
    }

    /** Who the patient is, as their most recent referral gives it. */
    public Optional<Demographics> demographicsOf(UUID patientId) {
        List<?> rows = getEntityManager().createNativeQuery("""
                        select patient_first_name, patient_last_name, patient_date_of_birth, patient_sex, patient_phone,
                               patient_email, patient_address_line1, patient_address_line2, patient_address_city,
                               patient_address_state, patient_postal_code
                          from referral where patient_id = ?1 order by created_at desc, id desc limit 1""")
                .setParameter(1, patientId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            Demographics.Address address = r[6] == null ? null
                    : new Demographics.Address((String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10]);
            return new Demographics((String) r[0], (String) r[1], date(r[2]), sexCode((String) r[3]), (String) r[4],
                    (String) r[5], address);
        });
    }

    /** The ids merged into this patient (directly or through earlier merges, which a merge re-points). */
    public List<UUID> mergedInto(UUID patientId) {
        List<?> ids = getEntityManager().createNativeQuery("select id from patient where merged_into = ?1 order by id")
                .setParameter(1, patientId)
                .getResultList();
        return ids.stream().map(UUID.class::cast).toList();
    }

    /** Locks both patients of a merge, in id order so that two merges of the same pair cannot deadlock. */
    public List<Patient> lockBoth(UUID a, UUID b) {
        UUID first = a.compareTo(b) <= 0 ? a : b;
        UUID second = first.equals(a) ? b : a;
        List<Patient> locked = new ArrayList<>(2);
        findByIdOptional(first, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).ifPresent(locked::add);
        if (!second.equals(first)) {
            findByIdOptional(second, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).ifPresent(locked::add);
        }
        return locked;
    }

    /**
     * A merge's re-keying: the merged patient's referrals become the survivor's (their version moves, so a stale copy
     * of one cannot be written back), and patients merged earlier into the merged one now point at the survivor, so a
     * chain always resolves in one step.
     *
     * @return the ids of the referrals moved, in the order they were received
     */
    public List<UUID> moveReferrals(UUID mergedId, UUID survivorId) {
        List<?> moved = getEntityManager().createNativeQuery("""
                        with moved as (
                            update referral set patient_id = ?2, version = version + 1 where patient_id = ?1
                            returning id, created_at
                        )
                        select id from moved order by created_at, id""")
                .setParameter(1, mergedId)
                .setParameter(2, survivorId)
                .getResultList();
        getEntityManager().createNativeQuery("""
                        update patient set merged_into = ?2, version = version + 1 where merged_into = ?1""")
                .setParameter(1, mergedId)
                .setParameter(2, survivorId)
                .executeUpdate();
        return moved.stream().map(UUID.class::cast).toList();
    }

    /**
     * Pairs of live patients born the same day that no deterministic rule matched but that look like one person: the
     * same member id, the same phone, or one name equal and the other at most {@link DuplicateReason#MAX_NAME_DISTANCE}
     * edits away. Keyset-paged in the order of birth date, then the pair's ids.
     */
    public List<PossibleDuplicate> possibleDuplicates(Cursor after, int fetch) {
        List<?> rows = getEntityManager().createNativeQuery("""
                        select a.date_of_birth, a.id, b.id,
                               a.member_id_key = b.member_id_key as same_member,
                               coalesce(a.phone_key = b.phone_key, false) as same_phone,
                               a.first_name_key = b.first_name_key
                                   and levenshtein(a.last_name_key, b.last_name_key) <= ?4 as similar_last,
                               a.last_name_key = b.last_name_key
                                   and levenshtein(a.first_name_key, b.first_name_key) <= ?4 as similar_first
                          from patient a
                          join patient b on b.date_of_birth = a.date_of_birth and b.id > a.id and b.merged_into is null
                         where a.merged_into is null
                           and (cast(?1 as date) is null or (a.date_of_birth, a.id, b.id) > (cast(?1 as date), cast(?2 as uuid), cast(?3 as uuid)))
                           and (a.member_id_key = b.member_id_key
                                or a.phone_key = b.phone_key
                                or (a.first_name_key = b.first_name_key and levenshtein(a.last_name_key, b.last_name_key) <= ?4)
                                or (a.last_name_key = b.last_name_key and levenshtein(a.first_name_key, b.first_name_key) <= ?4))
                         order by a.date_of_birth, a.id, b.id
                         limit ?5""")
                .setParameter(1, after == null ? null : after.date(0))
                .setParameter(2, after == null ? null : after.uuid(1))
                .setParameter(3, after == null ? null : after.uuid(2))
                .setParameter(4, DuplicateReason.MAX_NAME_DISTANCE)
                .setParameter(5, fetch)
                .getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            List<DuplicateReason> reasons = new ArrayList<>();
            boolean[] flags = {(Boolean) r[3], (Boolean) r[4], (Boolean) r[5], (Boolean) r[6]};
            DuplicateReason[] all = DuplicateReason.values();
            for (int i = 0; i < flags.length; i++) {
                if (flags[i]) {
                    reasons.add(all[i]);
                }
            }
            return new PossibleDuplicate(date(r[0]), (UUID) r[1], (UUID) r[2], List.copyOf(reasons));
        }).toList();
    }

    /** Where a possible-duplicates page ending at this pair ends. */
    public static Cursor duplicatesCursor(PossibleDuplicate last) {
        return Cursor.of(DUPLICATES, last.dateOfBirth(), last.patientId(), last.otherPatientId());
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /** The stored sex is the enum's name; the API shows FHIR's lower-case code, as the referral view does. */
    private static String sexCode(String stored) {
        return stored == null ? null : stored.toLowerCase(java.util.Locale.ROOT);
    }
}
