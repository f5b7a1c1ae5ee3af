package org.botoxclinic.platform.inbox;

import org.botoxclinic.platform.events.IncomingEvent;

/** The effect of one consumed event, run inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {

    void apply(IncomingEvent event);
}
