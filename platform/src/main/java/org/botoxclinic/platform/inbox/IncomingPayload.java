package org.botoxclinic.platform.inbox;

/**
 * A consumer's view of another service's event payload: only the fields it uses. One that lacks what its
 * handler needs can never be processed, so the routes send it to the dead-letter topic without retrying.
 */
public interface IncomingPayload {

    /** Whether every field the handler relies on is present. */
    boolean isComplete();
}
