package org.botoxclinic.platform.web;

import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over the limit with 413 problem+json before it is read: {@code clinic.http.max-body-size}
 * for every request, except on the paths a service names in {@code clinic.http.upload-paths} (a regular expression
 * matched against the whole path), which may send up to the HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}, which must then be the larger). A body without a declared length
 * (chunked) is still cut off by the HTTP layer at its own limit, with a bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final long uploadMaxBytes;
    private final Pattern uploadPaths;

    public BodySizeLimit(@ConfigProperty(name = "clinic.http.max-body-size", defaultValue = "256K") MemorySize max,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "256K") MemorySize httpMax,
                         @ConfigProperty(name = "clinic.http.upload-paths") Optional<String> uploadPaths) {
        this.maxBytes = max.asLongValue();
        this.uploadMaxBytes = httpMax.asLongValue();
        this.uploadPaths = uploadPaths.map(Pattern::compile).orElse(null);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean upload = isUpload(ctx.normalizedPath());
            long limit = upload ? uploadMaxBytes : maxBytes;
            if (length != null && isOver(length, limit)) {
                refuse(ctx, limit);
                return;
            }
            ctx.next();
        });
    }

    private boolean isUpload(String path) {
        return uploadPaths != null && path != null && uploadPaths.matcher(path).matches();
    }

    private static void refuse(RoutingContext ctx, long limit) {
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"type\":\"urn:clinic:problem:payload-too-large\",\"title\":\"Payload too large\","
                        + "\"status\":413,\"code\":\"PAYLOAD_TOO_LARGE\",\"detail\":\"the request body is over "
                        + limit / 1024 + " KB\",\"maxBytes\":" + limit + "}");
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
