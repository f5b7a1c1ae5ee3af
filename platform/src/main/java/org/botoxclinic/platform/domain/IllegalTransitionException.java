package org.botoxclinic.platform.domain;

/** An action the current status of a case, referral or appointment does not allow; answered with 409 naming the status. */
public class IllegalTransitionException extends RuntimeException {

    private final String resource;
    private final String currentStatus;
    private final String action;

    public IllegalTransitionException(String resource, Enum<?> currentStatus, String action) {
        super(resource + " is " + currentStatus + " and cannot be " + action);
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
}
