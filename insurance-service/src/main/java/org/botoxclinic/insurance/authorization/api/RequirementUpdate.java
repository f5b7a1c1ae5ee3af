package org.botoxclinic.insurance.authorization.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of PUT /api/authorizations/{id}/requirements/{code}. */
public record RequirementUpdate(@NotNull Boolean met,
                                @Size(max = 2000) String note,
                                @Schema(description = "Ids of the referral's documents that show the item (see the case's "
                                        + "'documents'). Absent: the item keeps its links; [] removes them. An item with "
                                        + "'evidenceDocumentTypes' can only be met with at least one linked document of one "
                                        + "of those types (422 EVIDENCE_REQUIRED / EVIDENCE_TYPE_NOT_ACCEPTED); an id that "
                                        + "is not a document of the case's referral is 422 EVIDENCE_NOT_ON_REFERRAL.")
                                @Size(max = 50) List<@NotNull UUID> evidenceDocumentIds) {
}
