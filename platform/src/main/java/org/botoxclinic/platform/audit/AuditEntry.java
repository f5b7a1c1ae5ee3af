package org.botoxclinic.platform.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the audit trail as administrators read it; {@code outcome} is ALLOWED or DENIED. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String groups, String partnerId, String action,
                         String resourceType, String resourceId, UUID referralId, String outcome) {
}
