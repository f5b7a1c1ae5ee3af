package org.botoxclinic.platform.events;

/** The three event topics, one per producing service, each keyed by the referral id. */
public final class Topics {

    public static final String REFERRAL_EVENTS = "referral-events";
    public static final String AUTHORIZATION_EVENTS = "authorization-events";
    public static final String SCHEDULING_EVENTS = "scheduling-events";

    private Topics() {
    }
}
