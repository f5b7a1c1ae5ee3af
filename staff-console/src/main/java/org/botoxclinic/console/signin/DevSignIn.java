package org.botoxclinic.console.signin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Development sign-in: the person chooses a role and the console mints the same development token
 * {@code ./clinic token <group>} prints (development key pair, issuer and audience of the local run), kept in an
 * HttpOnly session cookie. Only in development mode ({@code CLINIC_DEV_MODE=true}); the services trust that key only
 * there too.
 */
@Singleton
public class DevSignIn {

    /** The roles a person may choose, in the order the sign-in page offers them. */
    public static final List<String> ROLES = List.of("intake", "authorizations", "scheduler", "admin");

    private static final Logger LOG = Logger.getLogger(DevSignIn.class);

    private final boolean enabled;
    private final String signingKey;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private PrivateKey privateKey;
    private JwtConsumer consumer;

    public DevSignIn(@ConfigProperty(name = "clinic.dev-mode") boolean devMode,
                     @ConfigProperty(name = "clinic.console.dev-sign-in.signing-key") Optional<String> signingKey,
                     @ConfigProperty(name = "clinic.console.dev-sign-in.issuer") String issuer,
                     @ConfigProperty(name = "clinic.console.dev-sign-in.audience") String audience,
                     @ConfigProperty(name = "clinic.console.dev-sign-in.token-lifetime") Duration lifetime) {
        this.enabled = devMode;
        this.signingKey = signingKey.filter(s -> !s.isBlank()).orElse(null);
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Reads the key at startup, so that a wrong setting stops the console at once rather than at the first sign-in. */
    synchronized void load() {
        if (!enabled || privateKey != null) {
            return;
        }
        if (signingKey == null) {
            throw new IllegalStateException("CLINIC_CONSOLE_DEV_SIGNING_KEY is required in development mode "
                    + "(the development private key, e.g. testkit/src/main/resources/dev-jwt/privateKey.pem)");
        }
        try {
            privateKey = KeyUtils.decodePrivateKey(readKey(signingKey));
            if (!(privateKey instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("CLINIC_CONSOLE_DEV_SIGNING_KEY is not an RSA private key");
            }
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            consumer = new JwtConsumerBuilder()
                    .setVerificationKey(publicKey)
                    .setExpectedIssuer(issuer)
                    .setExpectedAudience(audience)
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("CLINIC_CONSOLE_DEV_SIGNING_KEY is not a readable PEM private key", e);
        }
    }

    /** A development token for the chosen role, living {@link #lifetime()}. */
    public String mint(String role) {
        if (!enabled || !ROLES.contains(role)) {
            throw new IllegalArgumentException("not a role of development sign-in: " + role);
        }
        load();
        long iat = Instant.now().getEpochSecond();
        String subject = role + "-user";
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(iat)
                .expiresAt(iat + lifetime.toSeconds())
                .sign(privateKey);
    }

    /** The user a session cookie names, if it holds a development token this console signed and still valid. */
    public Optional<ConsoleUser> read(String token) {
        if (!enabled || token == null || token.isBlank()) {
            return Optional.empty();
        }
        load();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> groups = claims.getStringListClaimValue("groups");
            return Optional.of(new ConsoleUser(claims.getSubject(), groups == null ? Set.of() : Set.copyOf(groups), token));
        } catch (InvalidJwtException e) {
            LOG.debug("development session cookie refused: expired or not signed by the development key");
            return Optional.empty();
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private static String readKey(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no classpath resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return Files.readString(Path.of(location));
    }
}
