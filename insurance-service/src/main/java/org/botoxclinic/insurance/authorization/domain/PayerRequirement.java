package org.botoxclinic.insurance.authorization.domain;

import java.util.List;

/** A payer's change to one checklist item: null fields keep the default; excluded drops the item for that payer. */
public record PayerRequirement(String code, String description, Boolean required, RequirementStage stage,
                               String evidence, Integer position, boolean excluded, List<String> evidenceDocumentTypes) {

    /** A change that keeps the item's document rule. */
    public PayerRequirement(String code, String description, Boolean required, RequirementStage stage, String evidence,
                            Integer position, boolean excluded) {
        this(code, description, required, stage, evidence, position, excluded, null);
    }
}
