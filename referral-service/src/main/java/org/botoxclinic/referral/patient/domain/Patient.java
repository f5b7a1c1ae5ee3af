package org.botoxclinic.referral.patient.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.botoxclinic.platform.domain.ConflictException;

/**
 * The person behind one or more referrals, recognised by folded match keys (birth date with name and member id, or
 * with phone). Staff may merge a patient into another when two turn out to be the same person: the merged one then
 * points at the survivor for good. The keys are patient data: never logged.
 */
@Entity(name = "ClinicPatient")
@Table(name = "patient")
public class Patient {

    @Id
    private UUID id;
    @Column(name = "date_of_birth", updatable = false)
    private LocalDate dateOfBirth;
    @Column(name = "merged_into")
    private UUID mergedInto;
    @Column(name = "merged_at")
    private OffsetDateTime mergedAt;
    @Column(name = "created_at", updatable = false)
    private OffsetDateTime createdAt;
    @Version
    private int version;

    protected Patient() {
    }

    /**
     * Merges {@code merged} into this patient, which survives. Refused (409) for the patient itself, for a patient
     * already merged, and when this patient was itself merged (into {@code merged}: a cycle; or into another).
     */
    public void absorb(Patient merged, OffsetDateTime now) {
        if (merged.id.equals(id)) {
            throw new ConflictException("MERGE_INTO_ITSELF", "a patient cannot be merged into itself");
        }
        if (merged.isMerged()) {
            throw new ConflictException("ALREADY_MERGED", "patient " + merged.id + " was already merged",
                    Map.of("mergedInto", merged.mergedInto.toString()));
        }
        if (isMerged()) {
            throw mergedInto.equals(merged.id)
                    ? new ConflictException("MERGE_CYCLE", "patient " + id + " was merged into " + merged.id
                            + ": merging back would form a cycle", Map.of("mergedInto", mergedInto.toString()))
                    : new ConflictException("SURVIVOR_MERGED", "patient " + id + " was merged into " + mergedInto
                            + ": merge into that patient instead", Map.of("mergedInto", mergedInto.toString()));
        }
        merged.mergedInto = id;
        merged.mergedAt = now;
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    public UUID id() { return id; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public UUID mergedInto() { return mergedInto; }
    public OffsetDateTime mergedAt() { return mergedAt; }
    public OffsetDateTime createdAt() { return createdAt; }

    @Override
    public String toString() {
        return "Patient[" + id + "]";
    }
}
