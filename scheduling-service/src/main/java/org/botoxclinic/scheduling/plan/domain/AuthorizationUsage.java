package org.botoxclinic.scheduling.plan.domain;

/**
 * What is left of an authorization. Units used can exceed units approved (a treatment records what was actually
 * given); the remainder then shows zero and the overrun is flagged instead of going negative.
 */
public record AuthorizationUsage(int visitsRemaining, int unitsRemaining, boolean unitsOverrun, int unitsOverBy) {

    public static AuthorizationUsage of(Authorization authorization, int visitsUsed, int unitsUsed) {
        int units = authorization.approvedUnits() - unitsUsed;
        return new AuthorizationUsage(Math.max(0, authorization.approvedVisits() - visitsUsed), Math.max(0, units),
                units < 0, Math.max(0, -units));
    }
}
