package org.botoxclinic.console.insurance;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** One page of the authorization queue: {@code next} is the cursor of the following page, null on the last. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record CasePage(List<CaseSummary> items, String next) {
}
