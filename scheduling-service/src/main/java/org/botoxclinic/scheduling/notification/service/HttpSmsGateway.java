package org.botoxclinic.scheduling.notification.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An SMS gateway reached over HTTP: {@code POST <CLINIC_SMS_GATEWAY_URL>} with {@code {"to": phone, "text": text}} as
 * JSON (and {@code Authorization: Bearer <CLINIC_SMS_GATEWAY_TOKEN>} when set); any 2xx answer means accepted.
 */
@ApplicationScoped
public class HttpSmsGateway implements SmsGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<String> url;
    private final Optional<String> token;
    private final HttpClient client;

    @Inject
    public HttpSmsGateway(NotificationConfig config) {
        this(config.smsGatewayUrl(), config.smsGatewayToken());
    }

    /** A gateway at the given URL (empty: none configured, every message fails), with an optional bearer token. */
    public HttpSmsGateway(Optional<String> url, Optional<String> token) {
        this.url = url.filter(u -> !u.isBlank());
        this.token = token.filter(t -> !t.isBlank());
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(String phone, String text, Duration deadline) {
        String url = this.url
                .orElseThrow(() -> new IllegalStateException("no SMS gateway is configured (CLINIC_SMS_GATEWAY_URL)"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("to", phone, "text", text))));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
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
