package org.botoxclinic.testkit;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/** A SCRAM-SHA-512 login on the clinic's broker, and the client settings that present it. */
public record KafkaCredentials(String username, String password) {

    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    public KafkaCredentials {
        if (!username.matches("[A-Za-z0-9._-]+") || !password.matches("[A-Za-z0-9._-]+")) {
            // Both end up inside a JAAS line between double quotes.
            throw new IllegalArgumentException("Kafka user names and passwords are letters, digits, '.', '_' and '-'");
        }
    }

    /** A fresh random password (32 characters, about 185 bits). */
    public static KafkaCredentials generate(String username) {
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new KafkaCredentials(username, password.toString());
    }

    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** Settings for a Kafka client (producer, consumer or admin) that logs in as this user. */
    public Map<String, Object> clientConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", SECURITY_PROTOCOL);
        config.put("sasl.mechanism", MECHANISM);
        config.put("sasl.jaas.config", jaasConfig());
        return config;
    }

    /** The same as Quarkus configuration ({@code kafka.*}), which every channel and the platform's clients read. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "kafka.security.protocol", SECURITY_PROTOCOL,
                "kafka.sasl.mechanism", MECHANISM,
                "kafka.sasl.jaas.config", jaasConfig());
    }

    @Override
    public String toString() {
        return "KafkaCredentials[" + username + "]";
    }
}
