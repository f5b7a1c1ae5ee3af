package org.botoxclinic.insurance.authorization.domain;

/** The lines requested by default for an indication, read from the indication_default catalogue. */
public record IndicationDefaults(String indication, String procedureCode, String drugCode, int unitsPerVisit, int visits,
                                 int validityMonths) {
}
