package org.botoxclinic.referral.referral.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token bucket holding up to {@code capacity} requests that refills at {@code capacity} per {@code period}: a caller
 * may send a burst of {@code capacity} at once, then one more each {@code period / capacity}. Kept as the instant at
 * which the bucket is full again (the generic cell rate algorithm), so it is exact and needs no refill timer.
 * Not thread-safe: its owner serializes calls.
 */
public final class TokenBucket {

    private final long capacity;
    private final long periodNanos;
    private final long intervalNanos;
    /** The instant at which every token is back; at or before now, the bucket is full. */
    private Instant fullAt;

    public TokenBucket(int capacity, Duration period, Instant now) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a bucket needs a capacity of at least 1 and a positive period");
        }
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
        this.intervalNanos = Math.max(1, periodNanos / capacity);
        this.fullAt = now;
    }

    /** Takes one token; empty when taken, otherwise how long until one is back (nothing is taken then). */
    public Optional<Duration> take(Instant now) {
        Instant start = fullAt.isAfter(now) ? fullAt : now;
        Instant next = start.plusNanos(intervalNanos);
        long owedNanos = Duration.between(now, next).toNanos();
        if (owedNanos > intervalNanos * capacity) {
            return Optional.of(Duration.ofNanos(owedNanos - intervalNanos * capacity));
        }
        fullAt = next;
        return Optional.empty();
    }

    /** Full again: forgetting this bucket changes nothing, a new one would be full too. */
    public boolean isFull(Instant now) {
        return !fullAt.isAfter(now);
    }

    public long capacity() {
        return capacity;
    }

    public Duration period() {
        return Duration.ofNanos(periodNanos);
    }
}
