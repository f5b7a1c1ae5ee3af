package org.botoxclinic.insurance.authorization.domain;

/** A payer's change to one checklist item: null fields keep the default; excluded drops the item for that payer. */
public record PayerRequirement(String code, String description, Boolean required, RequirementStage stage,
                               String evidence, Integer position, boolean excluded) {
}
