package org.botoxclinic.insurance.authorization.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.botoxclinic.insurance.authorization.domain.SubmissionChannel;

/** The body of POST /api/authorizations/{id}/submit; override with a reason submits despite unmet requirements. */
public record SubmissionRequest(@NotNull SubmissionChannel channel,
                                @Size(max = 100) String payerReference,
                                boolean expedited,
                                OffsetDateTime submittedAt,
                                boolean override,
                                @Size(max = 2000) String overrideReason) {
}
