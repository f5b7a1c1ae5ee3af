package org.botoxclinic.platform.domain;

import java.util.Map;

/**
 * The request clashes with what is already stored (answered 409), e.g. a reused idempotency key or a clinic
 * day that already exists. A refused status change is an {@link IllegalTransitionException} instead.
 */
public class ConflictException extends DomainException {

    public ConflictException(String code, String detail) {
        this(code, detail, Map.of());
    }

    public ConflictException(String code, String detail, Map<String, ?> properties) {
        super(code, detail, properties);
    }
}
