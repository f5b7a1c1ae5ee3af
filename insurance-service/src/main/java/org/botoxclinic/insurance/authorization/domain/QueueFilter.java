package org.botoxclinic.insurance.authorization.domain;

import java.util.List;
import java.util.UUID;

/** What the work queue is narrowed to; every part is optional and they combine with "and". */
public record QueueFilter(List<CaseStatus> statuses, String payerId, String indication, UUID referralId, boolean overdue,
                          Integer expiringWithinDays) {
}
