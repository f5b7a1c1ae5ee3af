package org.botoxclinic.scheduling.notification.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When and how patients are messaged: reminders, recalls, retries, the confirmation link and the SMS gateway. */
@ConfigMapping(prefix = "clinic.notifications")
public interface NotificationConfig {

    /** How often the planner and the dispatcher run (read by their @Scheduled expressions). */
    @WithDefault("1m")
    String checkEvery();

    /** Reminders go out this many days before the appointment's day (7 and 1: D-7 and D-1). */
    @WithDefault("7,1")
    List<Integer> reminderDaysBefore();

    /** Attempts to send one message before it is FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each further one, up to {@link #maxRetry()}. */
    @WithDefault("1m")
    Duration firstRetry();

    @WithDefault("1h")
    Duration maxRetry();

    /** The hard deadline of one attempt (SMTP or the SMS gateway): a message still in flight after it has failed. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Messages one dispatcher run claims; the next run takes the rest. */
    @WithDefault("100")
    int batchSize();

    /** The "unconfirmed" worklist: booked appointments this many days ahead or sooner that the patient has not confirmed. */
    @WithDefault("2")
    int unconfirmedWithinDays();

    /**
     * The page a reminder's link opens (the clinic's patient page, which posts the token to
     * {@code POST /api/appointments/{id}/confirm}); the link adds {@code appointment} and {@code token} parameters.
     */
    @WithDefault("http://localhost:8083/confirm")
    String confirmPageUrl();

    /**
     * The secret that signs confirmation tokens: base64 of at least 32 random bytes. Required outside development mode
     * (clinic.dev-mode), where the service refuses to start without it.
     */
    Optional<String> confirmSecret();

    /** The SMS gateway: messages are POSTed there as JSON {to, text}; without it SMS messages fail. */
    Optional<String> smsGatewayUrl();

    /** A bearer token for the SMS gateway, when it wants one. */
    Optional<String> smsGatewayToken();
}
