package org.botoxclinic.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Mints bearer tokens signed with the development key pair (dev-jwt/, documented there as not for production),
 * for the tests and for {@code ./clinic token}.
 */
public final class DevTokens {

    public static final String ISSUER = "urn:clinic:dev";
    /** The audience development tokens carry and the tests and the local run verify. */
    public static final String AUDIENCE = "clinic-api";
    private static PrivateKey key;

    private DevTokens() {
    }

    public static String forGroup(String group) {
        return mint(group, null, Duration.ofHours(1));
    }

    public static String forPartner(String partnerId) {
        return mint("partner", partnerId, Duration.ofHours(1));
    }

    public static String mint(String group, String partnerId, Duration lifetime) {
        return sign(claims(group, partnerId, Instant.now(), lifetime));
    }

    /**
     * The claims of a development token issued at {@code issuedAt} to live {@code lifetime}, for tests that change one
     * (another audience, an old {@code iat}) before signing.
     */
    public static JwtClaimsBuilder claims(String group, String partnerId, Instant issuedAt, Duration lifetime) {
        String subject = partnerId != null ? "partner-" + partnerId : group + "-user";
        long iat = issuedAt.getEpochSecond();
        JwtClaimsBuilder claims = Jwt.issuer(issuer())
                .audience(audience())
                .subject(subject)
                .upn(subject)
                .groups(Set.of(group))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(iat)
                .expiresAt(iat + lifetime.toSeconds());
        if (partnerId != null) {
            claims.claim("partner_id", partnerId);
        }
        return claims;
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(privateKey());
    }

    private static String issuer() {
        String configured = System.getenv("JWT_ISSUER");
        return configured == null || configured.isBlank() ? ISSUER : configured;
    }

    private static String audience() {
        String configured = System.getenv("JWT_AUDIENCE");
        return configured == null || configured.isBlank() ? AUDIENCE : configured;
    }

    /**
     * The development public key as a file, for a service started in its own process (JWT_PUBLIC_KEY_LOCATION): a
     * temporary copy that is deleted when this JVM exits, so test runs leave no key files behind.
     */
    public static Path publicKeyFile() {
        try (InputStream key = DevTokens.class.getClassLoader().getResourceAsStream("dev-jwt/publicKey.pem")) {
            if (key == null) {
                throw new IllegalStateException("development public key dev-jwt/publicKey.pem not on the class path");
            }
            Path file = Files.createTempFile("dev-jwt", ".pem");
            file.toFile().deleteOnExit();
            Files.copy(key, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("development public key not written", e);
        }
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            try {
                key = KeyUtils.readPrivateKey("dev-jwt/privateKey.pem");
            } catch (Exception e) {
                throw new IllegalStateException("development private key dev-jwt/privateKey.pem not readable", e);
            }
        }
        return key;
    }
}
