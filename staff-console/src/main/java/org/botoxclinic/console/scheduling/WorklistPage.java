package org.botoxclinic.console.scheduling;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** One page of a scheduler's queue: each entry the plan and, for some queues, the appointment that put it there. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorklistPage(List<Entry> items, String next) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(UUID referralId, TreatmentPlan plan, Appointment appointment) {
    }
}
