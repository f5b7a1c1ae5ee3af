package org.botoxclinic.insurance.authorization.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.botoxclinic.insurance.authorization.domain.SubmissionChannel;

/** The body of POST /api/authorizations/{id}/submit. */
public record SubmissionRequest(@NotNull SubmissionChannel channel,
                                @Size(max = 100) String payerReference,
                                boolean expedited,
                                OffsetDateTime submittedAt) {
}
