package org.botoxclinic.scheduling.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.botoxclinic.scheduling.notification.domain.SendFailure;
import org.botoxclinic.scheduling.notification.service.HttpSmsGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP SMS gateway against a real HTTP server on this machine. */
class HttpSmsGatewayTest {

    private record Received(String authorization, String contentType, JsonNode body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 202;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new ObjectMapper().readTree(new String(body, StandardCharsets.UTF_8))));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    @Test
    void postsThePhoneAndTextAsJsonWithTheBearerToken() {
        new HttpSmsGateway(Optional.of(url()), Optional.of("gateway-secret"))
                .send("+1 555 0100", "Appointment reminder: Wednesday", Duration.ofSeconds(5));

        assertEquals(1, received.size());
        Received call = received.get(0);
        assertEquals("Bearer gateway-secret", call.authorization());
        assertEquals("application/json", call.contentType());
        assertEquals("+1 555 0100", call.body().path("to").asText());
        assertEquals("Appointment reminder: Wednesday", call.body().path("text").asText());
    }

    @Test
    void aRefusalOrNoGatewayIsAFailureThatNamesNoNumber() {
        answer = 503;
        HttpSmsGateway gateway = new HttpSmsGateway(Optional.of(url()), Optional.empty());
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> gateway.send("+1 555 0100 123", "text", Duration.ofSeconds(5)));
        assertEquals("IllegalStateException: SMS gateway answered 503", SendFailure.describe(refused));
        assertEquals(null, received.get(0).authorization());

        RuntimeException none = assertThrows(RuntimeException.class,
                () -> new HttpSmsGateway(Optional.of(" "), Optional.empty()).send("+1 555 0100", "t", Duration.ofSeconds(1)));
        assertTrue(none.getMessage().contains("CLINIC_SMS_GATEWAY_URL"));
        assertFalse(SendFailure.describe(none).contains("555"));
    }
}
