package org.botoxclinic.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once and trusts the same token again for a short while. A partner system or the console
 * sends one token with many requests, and checking its RSA signature was a quarter of referral-service's CPU under
 * the intake benchmark (the JIT that the services run, C1, has no intrinsics for it). A token that passed the full
 * verification is trusted again only as the identical string, and only until the earliest of its {@code exp}, its
 * {@code iat} plus the maximum token age ({@code mp.jwt.verify.token.age}), and {@link #REUSE} after it was verified
 * (so a key taken out of service stops being honoured within that); a refused token is never remembered. Real time,
 * like the verifier's own checks. Every other use of the parser goes straight to the verifier.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** The longest a verification is reused. */
    static final Duration REUSE = Duration.ofSeconds(60);
    /** At most this many tokens are remembered; once that many are live, further ones are verified every time. */
    static final int CAPACITY = 10_000;

    private record Verified(JsonWebToken token, Instant until) {
    }

    private final JWTParser verifier;
    private final Duration maxTokenAge;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, JWTAuthContextInfo context) {
        this(verifier, context.getTokenAge() == null ? null : Duration.ofSeconds(context.getTokenAge()),
                Clock.systemUTC());
    }

    /** @param maxTokenAge how long after its {@code iat} a token is accepted; null when there is no such limit */
    VerifiedTokens(JWTParser verifier, Duration maxTokenAge, Clock clock) {
        this.verifier = verifier;
        this.maxTokenAge = maxTokenAge;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(bearerToken);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.token();
            }
            verified.remove(bearerToken, known);
        }
        JsonWebToken token = verifier.parse(bearerToken);
        remember(bearerToken, token, now);
        return token;
    }

    private void remember(String bearerToken, JsonWebToken token, Instant verifiedAt) {
        Instant until = verifiedAt.plus(REUSE);
        if (token.getExpirationTime() > 0) {
            until = earliest(until, Instant.ofEpochSecond(token.getExpirationTime()));
        }
        if (maxTokenAge != null && token.getIssuedAtTime() > 0) {
            until = earliest(until, Instant.ofEpochSecond(token.getIssuedAtTime()).plus(maxTokenAge));
        }
        if (!verifiedAt.isBefore(until)) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(entry -> !verifiedAt.isBefore(entry.until()));
            if (verified.size() >= CAPACITY) {
                return;
            }
        }
        verified.put(bearerToken, new Verified(token, until));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    int remembered() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
