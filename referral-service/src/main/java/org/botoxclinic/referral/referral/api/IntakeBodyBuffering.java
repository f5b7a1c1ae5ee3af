package org.botoxclinic.referral.referral.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a submission's body on the I/O thread, into memory, before the request is handed to a worker thread.
 * Submission runs on a worker (it writes to the database), and a worker that reads the body itself waits, twice per
 * request, for the I/O thread to pass it the bytes; under load those waits were most of intake's latency. The body
 * is bounded by the same limit as every other (a declared length over it was already refused with 413 problem+json
 * by the platform; a chunked body over it is cut off with a bare 413, as before).
 */
@ApplicationScoped
public class IntakeBodyBuffering {

    /** After the platform's refusal of declared lengths over the limit, before authentication and the endpoint. */
    static final int ORDER = Integer.MIN_VALUE + 20;

    private final long maxBytes;

    public IntakeBodyBuffering(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "256K") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.post("/api/referrals").order(ORDER)
                .handler(BodyHandler.create(false).setBodyLimit(maxBytes).setDeleteUploadedFilesOnEnd(true));
    }
}
