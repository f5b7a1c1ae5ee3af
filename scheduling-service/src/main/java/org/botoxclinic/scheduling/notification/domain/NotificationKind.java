package org.botoxclinic.scheduling.notification.domain;

/** What a message is about. */
public enum NotificationKind {
    /** Before an appointment (D-7, D-1 by default): its date, time and place, and a link to confirm it. */
    REMINDER,
    /** A treated patient's plan fell due again: from which date they can be booked, and where. */
    RECALL
}
