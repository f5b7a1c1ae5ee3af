package org.botoxclinic.platform.domain;

import java.time.Duration;
import java.util.Map;

/** A caller over its rate limit (answered 429 with Retry-After); nothing of the request was done. */
public class TooManyRequestsException extends DomainException {

    private final Duration retryAfter;

    public TooManyRequestsException(String code, String detail, Duration retryAfter, Map<String, ?> properties) {
        super(code, detail, properties);
        this.retryAfter = retryAfter;
    }

    /** How long until the caller's next request would be admitted. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Retry-After in whole seconds, rounded up and at least 1, so that a client waiting that long is admitted. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
