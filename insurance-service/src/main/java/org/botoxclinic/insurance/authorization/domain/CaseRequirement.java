package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One item of a case's checklist: what the payer wants documented, and whether the clinic has it. */
@Entity
@Table(name = "case_requirement")
public class CaseRequirement {

    /** Met because the referral's clinical details prove it. */
    public static final String MET_BY_REFERRAL = "REFERRAL";
    /** Set by an authorization specialist. */
    public static final String MET_BY_STAFF = "STAFF";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String description;
    private boolean required;
    private boolean met;
    @Column(name = "met_by")
    private String metBy;
    private String note;
    private int position;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected CaseRequirement() {
    }

    static CaseRequirement from(RequirementTemplate template, boolean provenByReferral, OffsetDateTime now) {
        CaseRequirement r = new CaseRequirement();
        r.code = template.code();
        r.description = template.description();
        r.required = template.required();
        r.met = provenByReferral;
        r.metBy = provenByReferral ? MET_BY_REFERRAL : null;
        r.position = template.position();
        r.updatedAt = now;
        return r;
    }

    void set(boolean isMet, String withNote, OffsetDateTime now) {
        this.met = isMet;
        this.metBy = isMet ? MET_BY_STAFF : null;
        this.note = withNote;
        this.updatedAt = now;
    }

    public String code() { return code; }
    public String description() { return description; }
    public boolean required() { return required; }
    public boolean met() { return met; }
    public String metBy() { return metBy; }
    public String note() { return note; }
    public int position() { return position; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
