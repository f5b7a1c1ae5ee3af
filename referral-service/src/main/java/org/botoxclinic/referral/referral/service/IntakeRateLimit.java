package org.botoxclinic.referral.referral.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.domain.TooManyRequestsException;
import org.botoxclinic.referral.referral.domain.TokenBucket;

/**
 * Per-partner limit on referral submissions, one token bucket per partner id, on the injected clock. Each replica
 * keeps its own buckets (a partner may send the limit to each replica). Memory stays bounded: buckets that are full
 * again are forgotten, and at most {@code maxPartners} are kept (least recently seen dropped first).
 */
@ApplicationScoped
public class IntakeRateLimit {

    public static final String CODE = "RATE_LIMITED";

    private final IntakeRateLimitConfig config;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new LinkedHashMap<>(16, 0.75f, true);
    private Instant lastSweep = Instant.MIN;

    public IntakeRateLimit(IntakeRateLimitConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Counts one submission of the partner; throws (having counted nothing) when the partner is over its limit. */
    public void admit(String partnerId) {
        Optional<Duration> wait = take(partnerId, clock.instant());
        if (wait.isPresent()) {
            throw new TooManyRequestsException(CODE,
                    "at most " + config.requests() + " referrals per " + describe(config.period())
                            + " per partner; retry later",
                    wait.get(), Map.of("limit", config.requests(), "periodSeconds", config.period().toSeconds()));
        }
    }

    /** Partners currently tracked, for tests and the gauge of memory use. */
    synchronized int tracked() {
        return buckets.size();
    }

    private synchronized Optional<Duration> take(String partnerId, Instant now) {
        sweep(now);
        TokenBucket bucket = buckets.computeIfAbsent(partnerId,
                id -> new TokenBucket(config.requests(), config.period(), now));
        Optional<Duration> wait = bucket.take(now);
        while (buckets.size() > config.maxPartners()) {
            Iterator<String> eldest = buckets.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return wait;
    }

    /** Forgets full buckets, at most once a period (a full bucket and a missing one behave alike). */
    private void sweep(Instant now) {
        if (now.isBefore(lastSweep.plus(config.period()))) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private static String describe(Duration period) {
        return period.toSeconds() % 60 == 0 && period.toSeconds() > 0
                ? (period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes")
                : period.toMillis() % 1000 == 0 ? period.toSeconds() + " s" : period.toMillis() + " ms";
    }
}
