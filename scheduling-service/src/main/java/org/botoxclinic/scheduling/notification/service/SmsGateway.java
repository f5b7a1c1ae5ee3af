package org.botoxclinic.scheduling.notification.service;

import java.time.Duration;

/**
 * A provider that delivers text messages to phones. {@link HttpSmsGateway} posts to the URL in CLINIC_SMS_GATEWAY_URL;
 * another provider plugs in as an {@code @Alternative} bean with a priority.
 */
public interface SmsGateway {

    /** Hands the text to the provider for the phone number; throws when the provider did not accept it. */
    void send(String phone, String text, Duration deadline);
}
