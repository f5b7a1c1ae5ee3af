package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step in a case's status history, kept so that staff can see how a case got where it is. */
@Entity
@Table(name = "case_status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private CaseStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private CaseStatus toStatus;
    private OffsetDateTime at;
    private String note;

    protected StatusChange() {
    }

    StatusChange(CaseStatus from, CaseStatus to, OffsetDateTime at, String note) {
        this.fromStatus = from;
        this.toStatus = to;
        this.at = at;
        this.note = note;
    }

    public CaseStatus fromStatus() { return fromStatus; }
    public CaseStatus toStatus() { return toStatus; }
    public OffsetDateTime at() { return at; }
    public String note() { return note; }
}
