package org.botoxclinic.insurance.authorization.domain;

/** One checklist item as the catalogue (or a payer's override of it) describes it. */
public record RequirementTemplate(String code, String description, boolean required, RequirementStage stage,
                                  String evidence, int position) {
}
