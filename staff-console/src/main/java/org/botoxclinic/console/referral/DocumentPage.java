package org.botoxclinic.console.referral;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** One page of a referral's documents: {@code next} is the cursor of the following page, null on the last. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentPage(List<Document> items, String next) {
}
