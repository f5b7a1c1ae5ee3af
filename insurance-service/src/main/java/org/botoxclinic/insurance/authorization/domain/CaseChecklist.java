package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.NotFoundException;

/** A case's checklist: what the payer wants documented, met by the referral's clinical details or by staff. */
@Embeddable
public class CaseChecklist {

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("position, code")
    private List<CaseRequirement> items = new ArrayList<>();

    protected CaseChecklist() {
    }

    /** The catalogue's items, those the clinical details prove already met. */
    static CaseChecklist of(List<RequirementTemplate> templates, Map<String, Object> clinicalDetails, OffsetDateTime now) {
        CaseChecklist checklist = new CaseChecklist();
        for (RequirementTemplate t : templates) {
            checklist.items.add(CaseRequirement.from(t, EvidenceRule.proves(t.evidence(), clinicalDetails), now));
        }
        return checklist;
    }

    /**
     * Staff record whether an item is documented, and by which of the referral's documents; only while the case's
     * status lets the checklist change. {@code links} null keeps the item's current links.
     */
    CaseRequirement set(String code, boolean met, String note, List<UUID> links, Map<UUID, String> referralDocuments,
                        CaseStatus status, OffsetDateTime now) {
        CaseRequirement item = item(code).orElseThrow(() -> new NotFoundException("requirement", code));
        if (!status.checklistEditable()) {
            throw new IllegalTransitionException(AuthorizationCase.RESOURCE, status, "given checklist changes");
        }
        List<UUID> kept = EvidenceLinks.check(code, met, item.evidenceDocumentTypes(),
                links == null ? item.evidenceDocumentIds() : links, referralDocuments);
        item.set(met, note, kept, now);
        return item;
    }

    /**
     * A treatment outcome decides the documented-benefit item, if the checklist has one and may still change.
     * @return whether the item changed
     */
    boolean assessBenefit(DocumentedBenefit.Assessment assessment, CaseStatus status, OffsetDateTime now) {
        if (!status.checklistEditable()) {
            return false;
        }
        return item(DocumentedBenefit.REQUIREMENT).map(item -> item.assess(assessment, now)).orElse(false);
    }

    public Optional<CaseRequirement> item(String code) {
        return items.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The required items not yet met, in checklist order. */
    public List<String> unmet() {
        return items.stream().filter(r -> r.required() && !r.met()).map(CaseRequirement::code).toList();
    }

    public List<CaseRequirement> items() {
        return Collections.unmodifiableList(items);
    }
}
