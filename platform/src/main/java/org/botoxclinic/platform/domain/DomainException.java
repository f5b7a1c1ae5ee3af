package org.botoxclinic.platform.domain;

import java.util.Map;

/**
 * A refusal raised by a use case or an aggregate, in the clinic's words: a stable machine-readable code, a human
 * detail and the properties a client needs to recover. The web edge turns each kind into problem+json; nothing
 * below the edge knows about HTTP.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final Map<String, Object> properties;

    protected DomainException(String code, String detail, Map<String, ?> properties) {
        super(detail);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
