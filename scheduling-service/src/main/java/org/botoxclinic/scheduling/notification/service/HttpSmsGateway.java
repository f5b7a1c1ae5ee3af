package org.botoxclinic.scheduling.notification.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An SMS gateway reached over HTTP: {@code POST <CLINIC_SMS_GATEWAY_URL>} with {@code {"to": phone, "text": text}} as
 * JSON (and {@code Authorization: Bearer <CLINIC_SMS_GATEWAY_TOKEN>} when set); any 2xx answer means accepted.
 */
@ApplicationScoped
public class HttpSmsGateway implements SmsGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationConfig config;
    private final HttpClient client;

    public HttpSmsGateway(NotificationConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(String phone, String text, Duration deadline) {
        String url = config.smsGatewayUrl().filter(u -> !u.isBlank())
                .orElseThrow(() -> new IllegalStateException("no SMS gateway is configured (CLINIC_SMS_GATEWAY_URL)"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("to", phone, "text", text))));
        config.smsGatewayToken().filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("SMS gateway unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the SMS gateway");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("SMS gateway answered " + response.statusCode());
        }
    }

    private static String json(Map<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
