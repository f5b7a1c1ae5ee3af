package org.botoxclinic.platform.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.botoxclinic.platform.domain.IllegalTransitionException;

/** Turns a refused state change into 409 problem+json that names the current status. */
@Provider
public class IllegalTransitionMapper implements ExceptionMapper<IllegalTransitionException> {

    @Override
    public Response toResponse(IllegalTransitionException e) {
        return Problems.illegalTransition(capitalized(e.resource()), e.currentStatus(), e.action()).toResponse();
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
