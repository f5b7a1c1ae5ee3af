package org.botoxclinic.scheduling.notification.domain;

/**
 * A confirmation whose token is not the appointment's (forged, mistyped, or for an appointment that does not exist).
 * Answered 403 without saying which, so that the endpoint tells an unauthenticated caller nothing about appointments.
 */
public class ConfirmationRefused extends RuntimeException {

    public static final String CODE = "INVALID_CONFIRMATION_TOKEN";

    public ConfirmationRefused() {
        super("the confirmation token is not valid for this appointment", null, false, false);
    }
}
