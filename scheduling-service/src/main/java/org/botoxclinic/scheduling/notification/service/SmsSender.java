package org.botoxclinic.scheduling.notification.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.scheduling.notification.domain.Channel;
import org.botoxclinic.scheduling.notification.domain.MessageText;

/** Text messages through the configured {@link SmsGateway}. */
@ApplicationScoped
public class SmsSender implements MessageSender {

    private final SmsGateway gateway;

    public SmsSender(SmsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(String address, MessageText text, Duration deadline) {
        gateway.send(address, text.asSms(), deadline);
    }
}
