package org.botoxclinic.console.referral;

/** The bodies of intake's decisions, as referral-service reads them. */
public final class Decisions {

    private Decisions() {
    }

    public record Decline(String reason) {
    }

    public record RequestInfo(String question) {
    }

    public record Cancel(String reason) {
    }
}
