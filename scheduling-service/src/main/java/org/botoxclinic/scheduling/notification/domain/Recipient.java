package org.botoxclinic.scheduling.notification.domain;

/**
 * Where a patient's message goes: the channel and the address on it, or why it goes nowhere (the patient opted out,
 * or no address is known for any channel). Never logged.
 */
public record Recipient(Channel channel, String address, String unreachableReason) {

    public boolean reachable() {
        return unreachableReason == null;
    }

    public static Recipient unreachable(String reason) {
        return new Recipient(null, null, reason);
    }

    @Override
    public String toString() {
        return "Recipient[" + channel + (reachable() ? "" : ", " + unreachableReason) + "]";
    }
}
