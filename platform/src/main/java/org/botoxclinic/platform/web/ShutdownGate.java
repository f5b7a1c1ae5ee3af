package org.botoxclinic.platform.web;

import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

/**
 * From the first moment of shutdown, a new API request is refused with 503 and Retry-After before any work is
 * done, while the requests in flight finish: a client never gets a request half done (stored, but its answer
 * cut off with the connection). Quarkus's own drain serves late requests and can cut their answers.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
    private static final String REFUSAL = """
            {"type":"urn:clinic:problem:shutting-down","title":"Shutting down","status":503,\
            "detail":"this instance is shutting down; send the request again","code":"SHUTTING_DOWN"}""";

    private final AtomicBoolean closing = new AtomicBoolean();

    void onShutdownStarted(@Observes ShutdownDelayInitiatedEvent event) {
        if (closing.compareAndSet(false, true)) {
            LOG.info("Shutting down: new API requests are refused with 503 while those in flight finish");
        }
    }

    void guard(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(request -> {
            if (closing.get()) {
                request.response().setStatusCode(503)
                        .putHeader("Retry-After", "1")
                        .putHeader("Connection", "close")
                        .putHeader("Content-Type", "application/problem+json")
                        .end(REFUSAL);
            } else {
                request.next();
            }
        });
    }

    public boolean isClosing() {
        return closing.get();
    }
}
