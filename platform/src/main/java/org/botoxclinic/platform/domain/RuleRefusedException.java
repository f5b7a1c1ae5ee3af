package org.botoxclinic.platform.domain;

import java.util.Map;

/** A well-formed request that a business rule refuses (answered 422), e.g. TOO_SOON or DOSE_LIMIT_EXCEEDED. */
public class RuleRefusedException extends DomainException {

    public RuleRefusedException(String code, String detail) {
        this(code, detail, Map.of());
    }

    public RuleRefusedException(String code, String detail, Map<String, ?> properties) {
        super(code, detail, properties);
    }
}
