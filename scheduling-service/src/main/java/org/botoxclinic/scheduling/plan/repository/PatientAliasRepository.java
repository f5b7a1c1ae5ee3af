package org.botoxclinic.scheduling.plan.repository;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.scheduling.plan.domain.PatientAlias;

/** The merged patient ids and their survivors: one lookup resolves any id, however long the chain of merges. */
@ApplicationScoped
public class PatientAliasRepository implements PanacheRepositoryBase<PatientAlias, UUID> {

    /** The id the patient has now: the survivor of the merges the id went through, or the id itself. */
    public UUID resolve(UUID patientId) {
        return survivorOf(patientId).orElse(patientId);
    }

    /** The survivor the id was merged into, if it was merged. */
    public Optional<UUID> survivorOf(UUID patientId) {
        return getEntityManager().createQuery(
                        "select a.patientId from PatientAlias a where a.mergedPatientId = :id", UUID.class)
                .setParameter("id", patientId)
                .getResultStream().findFirst();
    }

    /**
     * Records that {@code merged} now lives on as {@code survivor} (itself not an alias), and points every alias of
     * {@code merged} to the survivor, so that the table stays one step deep. Returns false when {@code merged} was
     * recorded before (a merge delivered again), changing nothing.
     */
    public boolean record(UUID merged, UUID survivor, OffsetDateTime mergedAt, OffsetDateTime now) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into patient_alias (merged_patient_id, patient_id, merged_at, recorded_at)
                        values (?1, ?2, ?3, ?4) on conflict (merged_patient_id) do nothing""")
                .setParameter(1, merged)
                .setParameter(2, survivor)
                .setParameter(3, mergedAt)
                .setParameter(4, now)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        getEntityManager().createNativeQuery("update patient_alias set patient_id = ?1 where patient_id = ?2")
                .setParameter(1, survivor)
                .setParameter(2, merged)
                .executeUpdate();
        return true;
    }
}
