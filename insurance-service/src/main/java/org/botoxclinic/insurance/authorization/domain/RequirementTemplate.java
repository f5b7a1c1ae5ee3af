package org.botoxclinic.insurance.authorization.domain;

import java.util.List;

/**
 * One checklist item as the catalogue (or a payer's override of it) describes it. {@code evidenceDocumentTypes}: null
 * when the item needs no document of the referral, otherwise the document types of which one must be linked to meet it.
 */
public record RequirementTemplate(String code, String description, boolean required, RequirementStage stage,
                                  String evidence, int position, List<String> evidenceDocumentTypes) {

    public RequirementTemplate {
        evidenceDocumentTypes = evidenceDocumentTypes == null ? null : List.copyOf(evidenceDocumentTypes);
    }

    /** An item that needs no document. */
    public RequirementTemplate(String code, String description, boolean required, RequirementStage stage, String evidence,
                               int position) {
        this(code, description, required, stage, evidence, position, null);
    }
}
