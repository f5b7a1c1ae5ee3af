package org.botoxclinic.scheduling.worklist.service;

import java.util.Arrays;
import java.util.Optional;

/** The scheduler's queues. */
public enum WorklistKind {
    /** Authorized, nothing booked, visits left. */
    READY_TO_SCHEDULE("ready-to-schedule"),
    /** Ready, and eligible within the next N days. */
    DUE("due"),
    /** Missed appointments not yet rebooked. */
    NO_SHOWS("no-shows"),
    /** Authorization windows ending soon with visits unused. */
    AUTHORIZATION_ENDING("authorization-ending"),
    /** Improved by less than the configured percentage after two treatments, least improved first. */
    NON_RESPONDERS("non-responders"),
    /** Booked within the next days (2 by default: D-2) and not confirmed by the patient for their current time. */
    UNCONFIRMED("unconfirmed");

    private final String parameter;

    WorklistKind(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<WorklistKind> fromParameter(String value) {
        return Arrays.stream(values()).filter(k -> k.parameter.equals(value)).findFirst();
    }
}
