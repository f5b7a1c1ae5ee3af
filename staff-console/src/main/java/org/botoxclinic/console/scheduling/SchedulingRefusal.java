package org.botoxclinic.console.scheduling;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.botoxclinic.console.upstream.Problem;
import org.botoxclinic.console.upstream.Upstream;
import org.botoxclinic.console.upstream.UpstreamRefusal;

/**
 * A refusal by scheduling-service with the facts it adds to its problem (nearestFreeTimes, earliestDate, date,
 * unitsAllowed...), which the console offers to act on.
 */
public class SchedulingRefusal extends UpstreamRefusal {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, Object> properties;

    public SchedulingRefusal(int status, Problem problem, Map<String, Object> properties) {
        super(SchedulingApi.SERVICE, status, problem);
        this.properties = properties;
    }

    /** The refusal an error answer stands for, or null for a success; 5xx and odd answers as {@link Upstream} sees them. */
    static RuntimeException of(Response response) {
        int status = response.getStatus();
        MediaType type = response.getMediaType();
        if (status < 400 || status >= 500 || type == null || !type.getSubtype().endsWith("json") || !response.hasEntity()) {
            return Upstream.refusal(SchedulingApi.SERVICE, response);
        }
        String body = response.readEntity(String.class);
        try {
            Problem problem = JSON.readValue(body, Problem.class);
            Map<String, Object> properties = JSON.readValue(body, new TypeReference<Map<String, Object>>() {
            });
            return new SchedulingRefusal(status, problem, properties);
        } catch (java.io.IOException | RuntimeException e) {
            return new SchedulingRefusal(status, Problem.ofStatus(status), Map.of());
        }
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** A fact of the refusal as text, or null. */
    public String fact(String name) {
        Object value = properties.get(name);
        return value == null ? null : value.toString();
    }

    /** The free start times (HH:mm, nearest first) the service offers instead of a taken one. */
    public List<String> nearestFreeTimes() {
        Object value = properties.get("nearestFreeTimes");
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
