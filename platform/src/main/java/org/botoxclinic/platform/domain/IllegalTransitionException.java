package org.botoxclinic.platform.domain;

import java.util.Map;

/** An action the current status of a referral, case, plan or appointment does not allow; answered 409 naming the status. */
public class IllegalTransitionException extends DomainException {

    public static final String CODE = "ILLEGAL_TRANSITION";

    private final String resource;
    private final String currentStatus;
    private final String action;

    public IllegalTransitionException(String resource, Enum<?> currentStatus, String action) {
        super(CODE, capitalized(resource) + " is " + currentStatus + " and cannot be " + action,
                Map.of("currentStatus", currentStatus.name()));
        this.resource = resource;
        this.currentStatus = currentStatus.name();
        this.action = action;
    }

    public String resource() {
        return resource;
    }

    public String currentStatus() {
        return currentStatus;
    }

    public String action() {
        return action;
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
