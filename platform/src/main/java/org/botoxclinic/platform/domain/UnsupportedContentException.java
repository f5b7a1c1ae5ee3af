package org.botoxclinic.platform.domain;

import java.util.Map;

/** Content of a kind the service does not take, judged from what it is (answered 415); nothing was stored. */
public class UnsupportedContentException extends DomainException {

    public UnsupportedContentException(String code, String detail, Map<String, ?> properties) {
        super(code, detail, properties);
    }
}
