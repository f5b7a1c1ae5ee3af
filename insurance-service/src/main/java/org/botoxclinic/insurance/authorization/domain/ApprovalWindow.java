package org.botoxclinic.insurance.authorization.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The dates an approval is good for: which treatments it covers, when it expires, when to ask for the next one. */
public final class ApprovalWindow {

    private ApprovalWindow() {
    }

    /** Both ends count: a treatment on validFrom or on validTo is covered. */
    public static boolean covers(LocalDate validFrom, LocalDate validTo, LocalDate date) {
        return validFrom != null && validTo != null && !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    /** validTo is the last good day; the approval has expired from the day after. */
    public static boolean expired(LocalDate validTo, LocalDate today) {
        return validTo != null && today.isAfter(validTo);
    }

    /**
     * A reauthorization is due when the approval is used up (its visits, or its units first), or when a running
     * approval under which the patient has been treated ends within {@code leadDays} days.
     */
    public static Optional<ReauthorizationReason> reauthorizationDue(CaseStatus status, int visitsUsed, LocalDate validTo, LocalDate today, int leadDays) {
        if (status == CaseStatus.EXHAUSTED) {
            return Optional.of(ReauthorizationReason.VISITS_USED_UP);
        }
        if (status.grants() && visitsUsed >= 1 && validTo != null && !expired(validTo, today)
                && !today.plusDays(leadDays).isBefore(validTo)) {
            return Optional.of(ReauthorizationReason.WINDOW_ENDING);
        }
        return Optional.empty();
    }

    /**
     * The case a treatment counts against: one whose window covers the date, preferring the authorization the
     * appointment was booked on, then a running approval, then the earliest window.
     */
    public static Optional<AuthorizationCase> covering(List<AuthorizationCase> cases, UUID authorizationId, LocalDate date) {
        return cases.stream()
                .filter(c -> covers(c.validFrom(), c.validTo(), date))
                .min(Comparator.<AuthorizationCase>comparingInt(c -> c.id().equals(authorizationId) ? 0 : 1)
                        .thenComparingInt(c -> c.status().grants() ? 0 : c.status() == CaseStatus.EXHAUSTED ? 1 : 2)
                        .thenComparing(AuthorizationCase::validFrom));
    }
}
