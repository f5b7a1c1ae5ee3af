package org.botoxclinic.platform.inbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.events.MalformedEventException;

/**
 * The one way a consumer says what it does with each event type of one topic: handlers registered by type constant
 * ({@code EventTypes}), each with the payload record it reads. Types without a handler are not this consumer's
 * business and are skipped; a payload that cannot be read, or lacks what its handler needs, is malformed. The inbox
 * keeps the routes by topic, so that a parked event can be replayed through the same handlers. Only the topic's
 * owner may publish there: an event with any other {@code ce_source} is refused ({@link ForeignSourceException}).
 *
 * <pre>{@code
 * routes = inbox.routes("referral-events")
 *         .on(EventTypes.REFERRAL_ACCEPTED, ReferralAcceptedMessage.class, (message, event) -> cases.open(message))
 *         .build();
 * }</pre>
 */
public final class EventRoutes implements EventHandler {

    /** What a consumer does with one event: its payload, read as the registered record, and its envelope. */
    @FunctionalInterface
    public interface Route<T> {
        void apply(T payload, IncomingEvent event);
    }

    private record Registered<T>(Class<T> payloadType, Route<T> route) {
    }

    private final String topic;
    private final String ownerSource;
    private final EventJson json;
    private final Map<String, Registered<?>> routes;

    private EventRoutes(String topic, String ownerSource, EventJson json, Map<String, Registered<?>> routes) {
        this.topic = topic;
        this.ownerSource = ownerSource;
        this.json = json;
        this.routes = Collections.unmodifiableMap(routes);
    }

    /** Routes of the given topic, whose events come from {@code ownerSource} alone, handed to {@code registry} when built. */
    public static Builder builder(String topic, String ownerSource, EventJson json, Consumer<EventRoutes> registry) {
        return new Builder(topic, Objects.requireNonNull(ownerSource, "ownerSource"), json, registry);
    }

    public String topic() {
        return topic;
    }

    /** The {@code ce_source} of the topic's owner, the only one accepted. */
    public String ownerSource() {
        return ownerSource;
    }

    /** @throws ForeignSourceException when the event does not come from the topic's owner */
    public void requireOwner(IncomingEvent event) {
        if (!ownerSource.equals(event.source())) {
            throw new ForeignSourceException(event.id(), topic, ownerSource);
        }
    }

    public Set<String> types() {
        return routes.keySet();
    }

    /** Whether this consumer does anything with events of the type; the others are acknowledged without a transaction. */
    public boolean handles(String type) {
        return routes.containsKey(type);
    }

    @Override
    public void apply(IncomingEvent event) {
        requireOwner(event);
        Registered<?> registered = routes.get(event.type());
        if (registered != null) {
            dispatch(registered, event);
        }
    }

    private <T> void dispatch(Registered<T> registered, IncomingEvent event) {
        T payload = json.read(event, registered.payloadType());
        if (payload instanceof IncomingPayload checked && !checked.isComplete()) {
            throw new MalformedEventException(event.type() + " " + event.id() + " lacks fields its consumer needs");
        }
        registered.route().apply(payload, event);
    }

    /** Collects a consumer's routes; a type may be registered once. */
    public static final class Builder {

        private final String topic;
        private final String ownerSource;
        private final EventJson json;
        private final Consumer<EventRoutes> registry;
        private final Map<String, Registered<?>> routes = new LinkedHashMap<>();

        private Builder(String topic, String ownerSource, EventJson json, Consumer<EventRoutes> registry) {
            this.topic = topic;
            this.ownerSource = ownerSource;
            this.json = json;
            this.registry = registry;
        }

        public <T> Builder on(String type, Class<T> payloadType, Route<T> route) {
            if (routes.putIfAbsent(type, new Registered<>(payloadType, route)) != null) {
                throw new IllegalStateException(type + " is routed twice");
            }
            return this;
        }

        public EventRoutes build() {
            EventRoutes built = new EventRoutes(topic, ownerSource, json, new LinkedHashMap<>(routes));
            registry.accept(built);
            return built;
        }
    }
}
