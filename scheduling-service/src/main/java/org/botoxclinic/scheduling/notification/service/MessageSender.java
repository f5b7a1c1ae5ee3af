package org.botoxclinic.scheduling.notification.service;

import java.time.Duration;

import org.botoxclinic.scheduling.notification.domain.Channel;
import org.botoxclinic.scheduling.notification.domain.MessageText;

/**
 * Sends one message on one channel. Pluggable: every {@code @ApplicationScoped} implementation is a channel's sender
 * (one per channel). Called outside any transaction; a failure is thrown, and its words are stored (addresses blanked).
 */
public interface MessageSender {

    Channel channel();

    /** Sends the message to the address, within the deadline; throws when it was not accepted. */
    void send(String address, MessageText text, Duration deadline);
}
