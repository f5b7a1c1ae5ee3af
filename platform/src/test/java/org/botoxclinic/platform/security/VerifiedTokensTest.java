package org.botoxclinic.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final Duration MAX_AGE = Duration.ofHours(1);

    private final MovingClock clock = new MovingClock(Instant.parse("2030-01-01T08:00:00Z"));
    private final CountingVerifier verifier = new CountingVerifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, MAX_AGE, clock);

    @Test
    void shouldVerifyTheSameTokenOnceWithinTheReuseWindow() throws Exception {
        verifier.issue("a", clock.instant(), clock.instant().plus(Duration.ofHours(1)));

        JsonWebToken first = tokens.parse("a");
        clock.advance(VerifiedTokens.REUSE.minusSeconds(1));
        JsonWebToken again = tokens.parse("a");

        assertSame(first, again);
        assertEquals(1, verifier.calls("a"));
    }

    @Test
    void shouldVerifyAgainOnceTheReuseWindowHasPassed() throws Exception {
        verifier.issue("a", clock.instant(), clock.instant().plus(Duration.ofHours(1)));

        tokens.parse("a");
        clock.advance(VerifiedTokens.REUSE);
        tokens.parse("a");

        assertEquals(2, verifier.calls("a"));
    }

    @Test
    void shouldNotTrustATokenPastItsExpiryWithoutTheVerifier() throws Exception {
        Instant exp = clock.instant().plusSeconds(30);
        verifier.issue("a", clock.instant(), exp);

        tokens.parse("a");
        clock.set(exp.minusSeconds(1));
        tokens.parse("a");
        assertEquals(1, verifier.calls("a"), "still valid a second before exp");

        clock.set(exp);
        verifier.refuse("a");
        assertThrows(ParseException.class, () -> tokens.parse("a"));
        assertEquals(2, verifier.calls("a"));
    }

    @Test
    void shouldNotTrustATokenPastTheMaximumAgeWithoutTheVerifier() throws Exception {
        Instant iat = clock.instant().minus(MAX_AGE).plusSeconds(20);
        verifier.issue("a", iat, clock.instant().plus(Duration.ofHours(2)));

        tokens.parse("a");
        clock.advance(Duration.ofSeconds(19));
        tokens.parse("a");
        assertEquals(1, verifier.calls("a"), "a second before iat + maximum age");

        clock.advance(Duration.ofSeconds(1));
        tokens.parse("a");
        assertEquals(2, verifier.calls("a"), "at iat + maximum age");
    }

    @Test
    void shouldNeverRememberARefusedToken() {
        verifier.refuse("forged");

        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));

        assertEquals(2, verifier.calls("forged"));
        assertEquals(0, tokens.remembered());
    }

    @Test
    void shouldVerifyADifferentTokenOfTheSameCaller() throws Exception {
        verifier.issue("a", clock.instant(), clock.instant().plus(Duration.ofHours(1)));
        verifier.issue("a2", clock.instant(), clock.instant().plus(Duration.ofHours(1)));

        tokens.parse("a");
        tokens.parse("a2");

        assertEquals(1, verifier.calls("a"));
        assertEquals(1, verifier.calls("a2"));
    }

    @Test
    void shouldStopRememberingWhenFullAndMakeRoomOnceEntriesLapse() throws Exception {
        Instant exp = clock.instant().plus(Duration.ofHours(1));
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            verifier.issue("t" + i, clock.instant(), exp);
            tokens.parse("t" + i);
        }
        verifier.issue("late", clock.instant(), exp);

        tokens.parse("late");
        tokens.parse("late");
        assertEquals(2, verifier.calls("late"), "a full store verifies a new token every time");
        assertEquals(VerifiedTokens.CAPACITY, tokens.remembered());

        clock.advance(VerifiedTokens.REUSE);
        tokens.parse("late");
        tokens.parse("late");
        assertEquals(3, verifier.calls("late"), "lapsed entries make room");
        assertEquals(1, tokens.remembered());
    }

    /** Stands for smallrye-jwt's verifier: hands out the token it was told to, or refuses. */
    private static final class CountingVerifier extends DefaultJWTParser {
        private final Map<String, JsonWebToken> valid = new HashMap<>();
        private final Map<String, Integer> calls = new HashMap<>();

        void issue(String raw, Instant iat, Instant exp) {
            valid.put(raw, new Token(iat.getEpochSecond(), exp.getEpochSecond()));
        }

        void refuse(String raw) {
            valid.remove(raw);
        }

        int calls(String raw) {
            return calls.getOrDefault(raw, 0);
        }

        @Override
        public JsonWebToken parse(String raw) throws ParseException {
            calls.merge(raw, 1, Integer::sum);
            JsonWebToken token = valid.get(raw);
            if (token == null) {
                throw new ParseException("refused");
            }
            return token;
        }
    }

    private record Token(long iat, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "partner-system";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("iat", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return switch (claimName) {
                case "iat" -> (T) Long.valueOf(iat);
                case "exp" -> (T) Long.valueOf(exp);
                default -> null;
            };
        }
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
