package org.botoxclinic.insurance.patient.repository;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.insurance.patient.domain.PatientAlias;

/** Merged patient ids and the patient each became, and the per-patient turn that keying and merging take. */
@ApplicationScoped
public class PatientAliasRepository implements PanacheRepositoryBase<PatientAlias, UUID> {

    /** Namespace of this service's per-patient advisory locks (the first of pg_advisory_xact_lock's two keys). */
    private static final int PATIENT_TURN = 9_004;

    /** The patient the id was merged into, if it was merged. */
    public Optional<UUID> survivorOf(UUID patientId) {
        return getEntityManager().createQuery(
                        "select a.patientId from PatientAlias a where a.mergedPatientId = :id", UUID.class)
                .setParameter("id", patientId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Files {@code merged} under {@code survivor}, and re-points every id that was merged into {@code merged} before,
     * so that each alias names the end of its chain.
     */
    public void remember(UUID merged, UUID survivor, OffsetDateTime mergedAt, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                        insert into patient_alias (merged_patient_id, patient_id, merged_at, recorded_at)
                        values (?1, ?2, ?3, ?4)
                        on conflict (merged_patient_id) do update set patient_id = excluded.patient_id,
                                                                     merged_at = excluded.merged_at,
                                                                     recorded_at = excluded.recorded_at""")
                .setParameter(1, merged)
                .setParameter(2, survivor)
                .setParameter(3, mergedAt)
                .setParameter(4, now)
                .executeUpdate();
        getEntityManager().createNativeQuery("update patient_alias set patient_id = ?2 where patient_id = ?1")
                .setParameter(1, merged)
                .setParameter(2, survivor)
                .executeUpdate();
    }

    /**
     * Waits for the patient's turn and keeps it until the transaction ends, so that a merge and a case keyed to one of
     * its ids never pass each other unseen.
     */
    public void takeTurn(UUID patientId) {
        getEntityManager().createNativeQuery("select count(*) from pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, PATIENT_TURN)
                .setParameter(2, patientId.toString())
                .getSingleResult();
    }
}
