package org.botoxclinic.insurance.authorization.domain;

/** Whether a checklist item belongs to a first request, a reauthorization, or both. */
public enum RequirementStage {
    INITIAL, REAUTHORIZATION, BOTH;

    public boolean appliesTo(boolean reauthorization) {
        return this == BOTH || (reauthorization ? this == REAUTHORIZATION : this == INITIAL);
    }
}
