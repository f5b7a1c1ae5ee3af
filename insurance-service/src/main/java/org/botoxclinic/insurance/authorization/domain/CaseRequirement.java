package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One item of a case's checklist: what the payer wants documented, and whether the clinic has it. */
@Entity
@Table(name = "case_requirement")
public class CaseRequirement {

    /** Met because the referral's clinical details prove it. */
    public static final String MET_BY_REFERRAL = "REFERRAL";
    /** Set by an authorization specialist. */
    public static final String MET_BY_STAFF = "STAFF";
    /** Met because a recorded treatment outcome reaches the payer's threshold. */
    public static final String MET_BY_OUTCOME = "OUTCOME";

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
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "evidence_document_types")
    private List<String> evidenceDocumentTypes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "evidence_document_ids")
    private List<UUID> evidenceDocumentIds = new ArrayList<>();

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
        r.evidenceDocumentTypes = template.evidenceDocumentTypes() == null ? null
                : new ArrayList<>(template.evidenceDocumentTypes());
        r.updatedAt = now;
        return r;
    }

    /** Staff decide; the links were checked by {@link EvidenceLinks}. */
    void set(boolean isMet, String withNote, List<UUID> links, OffsetDateTime now) {
        this.met = isMet;
        this.metBy = isMet ? MET_BY_STAFF : null;
        this.note = withNote;
        this.evidenceDocumentIds = new ArrayList<>(links);
        this.updatedAt = now;
    }

    /** A treatment outcome decides, unless staff have already met the item themselves. @return whether it changed */
    boolean assess(DocumentedBenefit.Assessment assessment, OffsetDateTime now) {
        if (met && MET_BY_STAFF.equals(metBy)) {
            return false;
        }
        String by = assessment.met() ? MET_BY_OUTCOME : null;
        if (met == assessment.met() && Objects.equals(metBy, by)
                && Objects.equals(note, assessment.note())) {
            return false;
        }
        this.met = assessment.met();
        this.metBy = by;
        this.note = assessment.note();
        this.updatedAt = now;
        return true;
    }

    public String code() { return code; }
    public String description() { return description; }
    public boolean required() { return required; }
    public boolean met() { return met; }
    public String metBy() { return metBy; }
    public String note() { return note; }
    public int position() { return position; }
    public OffsetDateTime updatedAt() { return updatedAt; }
    /** The document types of which one must be linked to meet the item; null when it needs no document. */
    public List<String> evidenceDocumentTypes() {
        return evidenceDocumentTypes == null ? null : Collections.unmodifiableList(evidenceDocumentTypes);
    }
    /** The referral's documents linked as this item's evidence, in the order staff gave them. */
    public List<UUID> evidenceDocumentIds() {
        return evidenceDocumentIds == null ? List.of() : Collections.unmodifiableList(evidenceDocumentIds);
    }
}
