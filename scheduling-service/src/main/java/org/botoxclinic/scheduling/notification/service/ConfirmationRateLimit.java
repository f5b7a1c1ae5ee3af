package org.botoxclinic.scheduling.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.domain.TooManyRequestsException;

/**
 * Keeps the one unauthenticated endpoint cheap to abuse: at most {@value #PER_APPOINTMENT} confirmation attempts per
 * appointment per {@link #WINDOW}, and at most {@value #PER_SECOND} attempts a second on this replica, both counted
 * before the database is asked anything. Memory stays bounded (at most {@value #MAX_TRACKED} appointments tracked,
 * least recently seen dropped first).
 */
@ApplicationScoped
public class ConfirmationRateLimit {

    public static final String CODE = "RATE_LIMITED";
    static final int PER_APPOINTMENT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_SECOND = 50;
    static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final Map<UUID, Window> windows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Window> eldest) {
            return size() > MAX_TRACKED;
        }
    };
    private Window thisSecond = new Window(Instant.MIN, 0);

    private record Window(Instant start, int count) {
    }

    public ConfirmationRateLimit(Clock clock) {
        this.clock = clock;
    }

    /** Counts one attempt to confirm the appointment; throws (429) when over either limit. */
    public synchronized void admit(UUID appointmentId) {
        Instant now = clock.instant();
        if (!now.isBefore(thisSecond.start().plusSeconds(1))) {
            thisSecond = new Window(now, 0);
        }
        if (thisSecond.count() >= PER_SECOND) {
            throw limited(Duration.between(now, thisSecond.start().plusSeconds(1)));
        }
        Window window = windows.get(appointmentId);
        if (window == null || !now.isBefore(window.start().plus(WINDOW))) {
            window = new Window(now, 0);
        }
        if (window.count() >= PER_APPOINTMENT) {
            throw limited(Duration.between(now, window.start().plus(WINDOW)));
        }
        windows.put(appointmentId, new Window(window.start(), window.count() + 1));
        thisSecond = new Window(thisSecond.start(), thisSecond.count() + 1);
    }

    private static TooManyRequestsException limited(Duration wait) {
        return new TooManyRequestsException(CODE, "too many confirmation attempts; retry later", wait,
                Map.of("limitPerAppointment", PER_APPOINTMENT, "windowSeconds", WINDOW.toSeconds()));
    }
}
