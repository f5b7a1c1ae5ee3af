package org.botoxclinic.insurance.patient.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A patient id that referral-service merged into another (PatientMerged): it names the patient it became, so that a
 * later event still carrying the old id is filed under the surviving patient. Always points at the end of a chain.
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
