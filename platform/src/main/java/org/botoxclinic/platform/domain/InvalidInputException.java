package org.botoxclinic.platform.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input that breaks a field rule bean validation cannot express (answered 400 with one violation per field). */
public class InvalidInputException extends DomainException {

    public static final String CODE = "CONSTRAINT_VIOLATION";

    private final Map<String, String> fieldMessages;

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidInputException(Map<String, String> fieldMessages) {
        super(CODE, "the request is invalid: " + String.join(", ", fieldMessages.keySet()), Map.of());
        this.fieldMessages = new LinkedHashMap<>(fieldMessages);
    }

    /** Throws when the rules found anything; the usual ending of a multi-field check. */
    public static void throwIfAny(Map<String, String> fieldMessages) {
        if (!fieldMessages.isEmpty()) {
            throw new InvalidInputException(fieldMessages);
        }
    }

    /** In the order the rules found them, so the first field named is the first one checked. */
    public Map<String, String> fieldMessages() {
        return Collections.unmodifiableMap(fieldMessages);
    }
}
