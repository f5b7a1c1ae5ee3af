package org.botoxclinic.scheduling.appointment.domain;

/** What was given at an appointment: units injected and wasted, sites, and the clinician's notes. */
public record Treatment(int unitsAdministered, int unitsWasted, Integer injectionSites, String notes) {
}
