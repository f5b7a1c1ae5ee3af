package org.botoxclinic.scheduling.plan.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A patient id that ceased to exist when referral-service merged it into another (PatientMerged), and the surviving
 * id. Every patient id arriving later is read through these, since an event published before a merge may arrive after
 * it. Kept flat: the survivor here is never itself an alias.
 */
@Entity
@Table(name = "patient_alias")
public class PatientAlias {

    @Id
    @Column(name = "merged_patient_id")
    private UUID mergedPatientId;
    @Column(name = "patient_id")
    private UUID patientId;
    @Column(name = "merged_at")
    private OffsetDateTime mergedAt;
    @Column(name = "recorded_at")
    private OffsetDateTime recordedAt;

    protected PatientAlias() {
    }

    public UUID mergedPatientId() { return mergedPatientId; }
    public UUID patientId() { return patientId; }
    public OffsetDateTime mergedAt() { return mergedAt; }
    public OffsetDateTime recordedAt() { return recordedAt; }
}
