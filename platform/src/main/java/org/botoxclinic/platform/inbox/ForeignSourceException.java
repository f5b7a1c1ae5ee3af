package org.botoxclinic.platform.inbox;

import java.util.UUID;

import org.botoxclinic.platform.events.MalformedEventException;

/**
 * An event whose {@code ce_source} is not its topic's owner: forged or misrouted, it is never applied. The message
 * names the event id, the topic and the expected source only; the source it carried is not repeated anywhere.
 */
public class ForeignSourceException extends MalformedEventException {

    public ForeignSourceException(UUID eventId, String topic, String expectedSource) {
        super("event " + eventId + " on " + topic + " is rejected: its ce_source is not " + expectedSource
                + ", the topic's owner");
    }
}
