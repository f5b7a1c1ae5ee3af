package org.botoxclinic.platform.domain;

import java.util.Map;

/** Content over the size the service takes (answered 413); nothing was stored. */
public class ContentTooLargeException extends DomainException {

    public ContentTooLargeException(String code, String detail, Map<String, ?> properties) {
        super(code, detail, properties);
    }
}
