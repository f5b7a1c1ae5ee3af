package org.botoxclinic.console.upstream;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls to the services: refusals become {@link UpstreamRefusal}, an unreachable service {@link UpstreamUnavailable}. */
public final class Upstream {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Upstream() {
    }

    /** Runs one call to {@code service}; a connection refused, reset or timed out is {@link UpstreamUnavailable}. */
    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof UpstreamRefusal refusal) {
                throw refusal;
            }
            throw new UpstreamUnavailable(service, e);
        }
    }

    /** The refusal an error answer stands for (used by each client's exception mapper), or null for a success. */
    public static RuntimeException refusal(String service, Response response) {
        if (response.getStatus() < 400) {
            return null;
        }
        Problem problem = Problem.ofStatus(response.getStatus());
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                problem = JSON.readValue(response.readEntity(String.class), Problem.class);
            } catch (IOException | RuntimeException e) {
                // not a problem document: keep the status alone
            }
        }
        if (response.getStatus() >= 500) {
            return new UpstreamUnavailable(service, new IllegalStateException(service + " answered " + response.getStatus()));
        }
        return new UpstreamRefusal(service, response.getStatus(), problem);
    }
}
