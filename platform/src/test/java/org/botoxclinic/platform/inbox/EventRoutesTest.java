package org.botoxclinic.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.events.MalformedEventException;
import org.junit.jupiter.api.Test;

class EventRoutesTest {

    record Greeting(String name) implements IncomingPayload {
        @Override
        public boolean isComplete() {
            return name != null;
        }
    }

    private final List<String> handled = new ArrayList<>();
    private final List<EventRoutes> registered = new ArrayList<>();
    private final EventRoutes routes = EventRoutes.builder("greetings", "/greeter", new EventJson(new ObjectMapper()), registered::add)
            .on("Greeted", Greeting.class, (greeting, event) -> handled.add(greeting.name() + "@" + event.id()))
            .build();

    private static IncomingEvent event(String type, String payload) {
        return from("/greeter", type, payload);
    }

    private static IncomingEvent from(String source, String type, String payload) {
        return new IncomingEvent(UUID.randomUUID(), type, source, "subject", null, "greetings", "key", payload);
    }

    @Test
    void shouldHandAnEventToTheRouteOfItsTypeWithItsPayloadRead() {
        IncomingEvent greeted = event("Greeted", "{\"name\":\"clinic\"}");

        routes.apply(greeted);

        assertEquals(List.of("clinic@" + greeted.id()), handled);
    }

    @Test
    void shouldSkipTypesItHasNoRouteFor() {
        routes.apply(event("Waved", "{\"name\":\"clinic\"}"));

        assertEquals(List.of(), handled);
    }

    @Test
    void shouldSayWhichTypesItHandlesSoTheInboxSkipsTheRestWithoutATransaction() {
        assertTrue(routes.handles("Greeted"));
        assertFalse(routes.handles("Waved"));
        assertFalse(routes.handles(null));
    }

    @Test
    void shouldRejectAnUnreadableOrIncompletePayloadAsMalformed() {
        assertThrows(MalformedEventException.class, () -> routes.apply(event("Greeted", "{\"name\":")));
        assertThrows(MalformedEventException.class, () -> routes.apply(event("Greeted", "{}")));
        assertEquals(List.of(), handled);
    }

    @Test
    void shouldRefuseAnEventFromAnyoneButTheTopicsOwner() {
        IncomingEvent forged = from("/someone-else", "Greeted", "{\"name\":\"clinic\"}");
        ForeignSourceException refused = assertThrows(ForeignSourceException.class, () -> routes.apply(forged));
        assertThrows(ForeignSourceException.class, () -> routes.apply(from(null, "Greeted", "{\"name\":\"clinic\"}")));
        assertThrows(ForeignSourceException.class, () -> routes.apply(from("/greeter/", "Greeted", "{\"name\":\"clinic\"}")));

        assertEquals(List.of(), handled);
        assertTrue(refused.getMessage().contains(forged.id().toString()));
        assertFalse(refused.getMessage().contains("someone-else"), "the forged source is not repeated");
        assertEquals(FailureKind.PERMANENT, Failures.classify(refused), "parked at once, never retried");
    }

    @Test
    void shouldHandItsRoutesToTheRegistryOfItsTopicWhenBuilt() {
        assertEquals(List.of(routes), registered);
        assertEquals("greetings", routes.topic());
    }

    @Test
    void shouldRefuseRoutingOneTypeTwice() {
        EventRoutes.Builder builder = EventRoutes.builder("greetings", "/greeter", new EventJson(new ObjectMapper()), registered::add)
                .on("Greeted", Greeting.class, (greeting, event) -> { });
        assertThrows(IllegalStateException.class, () -> builder.on("Greeted", Greeting.class, (greeting, event) -> { }));
    }
}
