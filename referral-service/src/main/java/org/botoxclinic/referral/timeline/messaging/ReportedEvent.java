package org.botoxclinic.referral.timeline.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of what insurance and scheduling report: the union of the fields the timeline shows,
 * each optional, everything else ignored (a tolerant reader).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportedEvent(UUID referralId,
                            String authorizationNumber,
                            String outcome,
                            Integer approvedUnits,
                            Integer approvedVisits,
                            LocalDate validFrom,
                            LocalDate validTo,
                            String denialReason,
                            String channel,
                            OffsetDateTime submittedAt,
                            OffsetDateTime decisionDueAt,
                            OffsetDateTime decidedAt,
                            LocalDate date,
                            LocalDate previousDate,
                            String reason,
                            String cancelledBy,
                            OffsetDateTime scheduledAt,
                            OffsetDateTime rescheduledAt,
                            OffsetDateTime cancelledAt,
                            OffsetDateTime recordedAt,
                            OffsetDateTime completedAt) {
}
