package org.botoxclinic.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes event payloads with the application's ObjectMapper, so dates are ISO-8601 everywhere. */
@ApplicationScoped
public class EventJson {

    private final ObjectMapper mapper;

    public EventJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be serialized: " + payload.getClass().getSimpleName(), e);
        }
    }

    /** Parses a consumed payload; a payload that does not fit its type is malformed and goes to the dead-letter topic. */
    public <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return mapper.readValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") does not match " + type.getSimpleName(), e);
        }
    }
}
