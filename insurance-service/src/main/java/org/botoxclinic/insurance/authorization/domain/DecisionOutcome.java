package org.botoxclinic.insurance.authorization.domain;

/** The payer's answer (X12 278: A1 certified, partial, A3 not certified, A4 pended). */
public enum DecisionOutcome {
    APPROVED, PARTIALLY_APPROVED, DENIED, PENDED;

    public CaseStatus status() {
        return CaseStatus.valueOf(name());
    }

    /** The outcome as the action a refused status change names, e.g. "partially approved". */
    public String participle() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    public boolean grants() {
        return this == APPROVED || this == PARTIALLY_APPROVED;
    }
}
