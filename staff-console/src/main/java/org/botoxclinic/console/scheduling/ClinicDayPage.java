package org.botoxclinic.console.scheduling;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of clinic days: {@code next} is the cursor of the following page, null on the last. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClinicDayPage(List<ClinicDay> items, String next) {
}
