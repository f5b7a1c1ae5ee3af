package org.botoxclinic.console.upstream;

/** A service could not be reached or did not answer in time. */
public class UpstreamUnavailable extends RuntimeException {
    private final String service;

    public UpstreamUnavailable(String service, Throwable cause) {
        super(service + " is not answering", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
