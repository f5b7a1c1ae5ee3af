package org.botoxclinic.platform.domain;

import java.util.Map;

/** The resource does not exist, or is not the caller's to see: both read the same, so nothing leaks. */
public class NotFoundException extends DomainException {

    public static final String CODE = "NOT_FOUND";

    public NotFoundException(String resource, Object id) {
        super(CODE, resource + " " + id + " was not found", Map.of());
    }
}
