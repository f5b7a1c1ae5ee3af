package org.botoxclinic.testkit;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.yammer.metrics.core.MetricsRegistry;

/**
 * The broker's Yammer meters tick together instead of one by one.
 *
 * <p>Every meter (and timer) of the broker's metrics registry schedules its own rate update every 5 s on the
 * registry's shared "meter-tick" pool, each at the moment it was created. The broker creates about 190 of them
 * (per listener, per request type and version, per topic), so at rest that pool woke about 38 times a second for
 * updates of a few microseconds each: 0.14 % of a core on its own (bench/idle.sh, per-thread figures from /proc).
 * {@link #install()} puts one pool under that name before the broker creates any meter. The pool rounds every
 * periodic task's first run up to the next multiple of its period, counted from one origin, so all tasks of one
 * period fall due at the same instants and a single thread runs them in one wake-up every 5 s. Each meter still
 * ticks every 5 s; only its first tick may come early, by less than one period, which the 1-, 5- and 15-minute
 * rates do not notice.
 *
 * <p>The registry exposes no way to supply that pool, so it goes in by reflection (metrics-core 2.2, the version
 * Kafka uses). If a Kafka upgrade changes those internals, the broker keeps the registry's own pool and one
 * warning says so: the meters then cost what they did, and nothing else changes.
 */
final class AlignedMeterTicks {

    static final String POOL_NAME = "meter-tick";

    private static final Logger LOG = LoggerFactory.getLogger(AlignedMeterTicks.class);

    private AlignedMeterTicks() {
    }

    /**
     * Installs the aligned pool in the broker's registry once per JVM; later calls find it there. Returns whether
     * the registry's meters now tick on it.
     */
    static boolean install() {
        return install(KafkaYammerMetrics.defaultRegistry());
    }

    static synchronized boolean install(MetricsRegistry registry) {
        try {
            Map<String, ScheduledExecutorService> pools = pools(registry);
            ScheduledExecutorService present = pools.get(POOL_NAME);
            if (present != null && !present.isShutdown()) {
                if (present instanceof Pool) {
                    return true;
                }
                LOG.warn("the broker's metrics registry already has its {} pool; its meters tick one by one", POOL_NAME);
                return false;
            }
            pools.put(POOL_NAME, new Pool(System::nanoTime));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("the broker's meters tick one by one ({}: {})", e.getClass().getSimpleName(), e.getMessage());
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ScheduledExecutorService> pools(MetricsRegistry registry)
            throws ReflectiveOperationException {
        Field threadPoolsField = MetricsRegistry.class.getDeclaredField("threadPools");
        threadPoolsField.setAccessible(true);
        Object threadPools = threadPoolsField.get(registry);
        Field mapField = threadPools.getClass().getDeclaredField("threadPools");
        mapField.setAccessible(true);
        return (Map<String, ScheduledExecutorService>) mapField.get(threadPools);
    }

    /**
     * The delay that moves a first run due after {@code initialDelayNanos} to the next multiple of the period
     * counted from {@code originNanos} (never earlier than asked, never later than one period more).
     */
    static long alignedDelay(long nowNanos, long originNanos, long initialDelayNanos, long periodNanos) {
        long due = nowNanos + Math.max(0, initialDelayNanos);
        long sinceOrigin = due - originNanos;
        long late = Math.floorMod(sinceOrigin, periodNanos);
        return late == 0 ? due - nowNanos : due - nowNanos + (periodNanos - late);
    }

    /** One daemon thread; periodic tasks start on the period's grid. */
    static final class Pool extends ScheduledThreadPoolExecutor {

        private final LongSupplier nanoTime;
        private final long origin;

        Pool(LongSupplier nanoTime) {
            super(1, runnable -> {
                Thread thread = new Thread(runnable, "kafka-" + POOL_NAME);
                thread.setDaemon(true);
                return thread;
            });
            this.nanoTime = nanoTime;
            this.origin = nanoTime.getAsLong();
            setRemoveOnCancelPolicy(true);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            long periodNanos = unit.toNanos(period);
            long delay = periodNanos <= 0 ? unit.toNanos(initialDelay)
                    : alignedDelay(nanoTime.getAsLong(), origin, unit.toNanos(initialDelay), periodNanos);
            return super.scheduleAtFixedRate(command, delay, periodNanos, TimeUnit.NANOSECONDS);
        }
    }
}
