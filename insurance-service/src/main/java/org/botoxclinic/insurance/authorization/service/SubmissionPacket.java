package org.botoxclinic.insurance.authorization.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.document.domain.ReferralDocument;

/** What the submission cover sheet for the payer shows: the case, its referral's documents, and when it was printed. */
public record SubmissionPacket(AuthorizationCase authorization, List<ReferralDocument> documents, OffsetDateTime printedAt) {

    /** The referral's documents by id, for the evidence listed under each checklist item. */
    public Map<UUID, ReferralDocument> documentsById() {
        return documents.stream().collect(Collectors.toMap(ReferralDocument::documentId, Function.identity()));
    }
}
