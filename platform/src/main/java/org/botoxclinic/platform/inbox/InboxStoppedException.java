package org.botoxclinic.platform.inbox;

/**
 * The service stopped while an event waited out a transient failure. The event was neither applied nor parked:
 * the channel's failure strategy leaves it unacknowledged, so its offset is not committed and it is delivered again.
 */
public class InboxStoppedException extends RuntimeException {

    public InboxStoppedException(String message) {
        super(message);
    }
}
