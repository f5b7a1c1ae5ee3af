package org.botoxclinic.referral.webhook.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.web.SkipWhenShuttingDown;
import org.botoxclinic.referral.webhook.domain.PartnerWebhook;
import org.botoxclinic.referral.webhook.domain.RetrySchedule;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;
import org.botoxclinic.referral.webhook.domain.WebhookSignature;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.botoxclinic.referral.webhook.repository.PartnerWebhookRepository;
import org.botoxclinic.referral.webhook.repository.WebhookDeliveryRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers what is owed to partners' webhooks, at least once, each partner independently of the others.
 * <p>
 * Every poll starts a worker for each partner with due deliveries that has none running on this replica (at most
 * {@code clinic.webhooks.concurrency} at once). A worker takes its partner's deliveries one at a time, oldest first:
 * it claims the delivery (a lease of its own, written in the row: its next attempt moves past the attempt's hard
 * deadline, with a token only this attempt holds), calls the partner outside any transaction with
 * {@link PartnerEndpointClient} (cut off at {@code clinic.webhooks.timeout}), and records the outcome if it still
 * holds the lease. So an attempt always ends before its lease does, no other worker or replica sends the same
 * delivery meanwhile, and a slow partner holds up only its own deliveries. A failure is retried with back-off until
 * the attempts run out.
 */
@ApplicationScoped
public class WebhookDeliveryJob {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryJob.class);
    /** At most this many partners are looked up per poll; the next poll takes the rest. */
    private static final int PARTNERS_PER_POLL = 500;

    private final WebhookDeliveryRepository deliveries;
    private final PartnerWebhookRepository webhooks;
    private final WebhookSecrets secrets;
    private final WebhookConfig config;
    private final WebhookTarget.Rules rules;
    private final Clock clock;
    private final PartnerEndpointClient client;
    private final ExecutorService workers;
    private final Set<String> partnersInFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile boolean woken = true;
    private volatile long nextPollNanos = System.nanoTime();

    @Inject
    public WebhookDeliveryJob(WebhookDeliveryRepository deliveries, PartnerWebhookRepository webhooks, WebhookSecrets secrets,
                              WebhookConfig config, @ConfigProperty(name = "clinic.dev-mode", defaultValue = "false") boolean devMode,
                              Clock clock) {
        this(deliveries, webhooks, secrets, config, new WebhookTarget.Rules(devMode, config.requireHttps(),
                config.allowPrivateTargets()), clock, PartnerEndpointClient.withSystemDefaults());
    }

    /** A job with its own client and workers: another replica, as far as the database can tell. */
    public WebhookDeliveryJob(WebhookDeliveryRepository deliveries, PartnerWebhookRepository webhooks, WebhookSecrets secrets,
                              WebhookConfig config, WebhookTarget.Rules rules, Clock clock, PartnerEndpointClient client) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.config = config;
        this.rules = rules;
        this.clock = clock;
        this.client = client;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        if (!rules.devMode() && (!config.requireHttps() || config.allowPrivateTargets())) {
            LOG.warn("clinic.webhooks.require-https=false and clinic.webhooks.allow-private-targets=true apply only in "
                    + "development mode (clinic.dev-mode): webhook targets stay https on port 443 at public addresses");
        }
    }

    /**
     * Every tick: looks for due deliveries when it was woken (a delivery queued here), while deliveries are due or
     * in flight, and otherwise only once the earliest pending delivery is due or {@code idle-poll-max} has passed.
     * So a replica with nothing to deliver asks the database twice per {@code idle-poll-max}, not once a tick.
     */
    @Scheduled(every = "${clinic.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s", skipExecutionIf = SkipWhenShuttingDown.class)
    void poll() {
        if (!woken && System.nanoTime() - nextPollNanos < 0) {
            return;
        }
        woken = false;
        List<Future<Integer>> started = dispatch();
        if (!started.isEmpty() || !partnersInFlight.isEmpty()) {
            nextPollNanos = System.nanoTime();
            return;
        }
        OffsetDateTime now = Timestamps.now(clock);
        Duration idle = QuarkusTransaction.requiringNew().call(deliveries::earliestPending)
                .map(due -> Duration.between(now, due))
                .filter(untilDue -> untilDue.compareTo(config.idlePollMax()) < 0)
                .orElse(config.idlePollMax());
        nextPollNanos = System.nanoTime() + Math.max(0, idle.toNanos());
    }

    /** A delivery was queued: the next tick looks for it. */
    public void wake() {
        woken = true;
    }

    /**
     * Starts a worker for each partner with due deliveries that has none running here. Returns at once; each
     * future tells how many deliveries its worker attempted.
     */
    public List<Future<Integer>> dispatch() {
        if (stopping) {
            return List.of();
        }
        OffsetDateTime now = Timestamps.now(clock);
        List<String> due = QuarkusTransaction.requiringNew().call(() -> deliveries.partnersWithDue(now, PARTNERS_PER_POLL));
        LOG.debugf("Webhook poll: %d partners with due deliveries, %d in flight here", due.size(), partnersInFlight.size());
        List<Future<Integer>> started = new ArrayList<>();
        for (String partnerId : due) {
            if (partnersInFlight.add(partnerId)) {
                try {
                    started.add(workers.submit(() -> {
                        try {
                            return deliverFor(partnerId);
                        } finally {
                            partnersInFlight.remove(partnerId);
                        }
                    }));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    partnersInFlight.remove(partnerId);
                }
            }
        }
        return started;
    }

    /** One poll, waiting for the workers it started: how many deliveries they attempted (for tests and tools). */
    public int deliverDueNow() {
        int attempted = 0;
        for (Future<Integer> worker : dispatch()) {
            try {
                attempted += worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return attempted;
            } catch (ExecutionException e) {
                LOG.warnf("A webhook worker failed: %s", e.getCause().getClass().getSimpleName());
            }
        }
        return attempted;
    }

    /** One partner's due deliveries, oldest first, each under its own lease, up to the batch size. */
    int deliverFor(String partnerId) {
        int attempted = 0;
        while (attempted < config.batchSize() && !stopping) {
            UUID lease = UUID.randomUUID();
            OffsetDateTime now = Timestamps.now(clock);
            Optional<Long> claimed = QuarkusTransaction.requiringNew()
                    .call(() -> deliveries.claimNext(partnerId, now, now.plus(leaseLength()), lease));
            if (claimed.isEmpty()) {
                break;
            }
            try {
                attempt(claimed.get(), lease);
            } catch (RuntimeException e) {
                // The lease runs out and the delivery is attempted again: at least once.
                LOG.warnf("Webhook delivery %d could not be attempted: %s", claimed.get(), e.getClass().getSimpleName());
                break;
            }
            attempted++;
        }
        return attempted;
    }

    /** Longer than any attempt can last, since the call is cut off at its deadline. */
    Duration leaseLength() {
        return config.timeout().multipliedBy(2).plusSeconds(10);
    }

    private record Claimed(WebhookDelivery delivery, Optional<PartnerWebhook> webhook, List<String> secrets) {
    }

    /** What the partner answered (if it was called) and, unless it answered 2xx, what went wrong. */
    private record Outcome(Integer statusCode, String error) {
    }

    private void attempt(long id, UUID lease) {
        OffsetDateTime now = Timestamps.now(clock);
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery row = deliveries.findById(id);
            Optional<PartnerWebhook> webhook = webhooks.findByIdOptional(row.partnerId());
            return new Claimed(row, webhook, webhook.map(w -> secrets.activeSecrets(w, now)).orElse(List.of()));
        });
        Outcome outcome = send(claimed, now);
        record(id, lease, outcome);
    }

    private Outcome send(Claimed claimed, OffsetDateTime now) {
        if (claimed.webhook().isEmpty()) {
            return new Outcome(null, "webhook removed by the partner");
        }
        WebhookDelivery delivery = claimed.delivery();
        String deliveryId = String.valueOf(delivery.id());
        long timestamp = now.toEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(WebhookSignature.DELIVERY_ID_HEADER, deliveryId);
        headers.put(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.header(claimed.secrets(), deliveryId, timestamp, delivery.payload()));
        try {
            // The URL registered now: a partner that moved its webhook gets what is still owed at the new address.
            int status = client.post(claimed.webhook().get().url(), headers,
                    delivery.payload().getBytes(StandardCharsets.UTF_8), config.timeout(), rules);
            return new Outcome(status, status / 100 == 2 ? null : "partner answered " + status);
        } catch (PartnerEndpointClient.CallFailed e) {
            return new Outcome(null, e.getMessage());
        }
    }

    private void record(long id, UUID lease, Outcome outcome) {
        RetrySchedule schedule = new RetrySchedule(config.firstRetry(), config.maxRetry(), config.maxAttempts());
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = deliveries.lockedById(id);
            if (!delivery.heldBy(lease)) {
                // Settled or claimed again since: this attempt's lease is no longer the delivery's.
                LOG.infof("Webhook delivery %d is no longer held by this attempt (%s)", id, delivery.status());
                return;
            }
            OffsetDateTime now = Timestamps.now(clock);
            if (outcome.error() == null) {
                delivery.delivered(outcome.statusCode(), now);
                LOG.debugf("Webhook delivery %d for referral %s delivered", id, delivery.referralId());
            } else {
                delivery.failed(outcome.statusCode(), outcome.error(), schedule, now);
                LOG.infof("Webhook delivery %d for referral %s failed (attempt %d, %s): %s", id, delivery.referralId(),
                        delivery.attempts(), delivery.status(), outcome.error());
            }
        });
    }

    void onShutdown(@Observes ShutdownEvent event) {
        close();
    }

    /** No new attempt starts; those in flight end within their deadline. */
    @PreDestroy
    public void close() {
        stopping = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.timeout().toMillis() + 2000, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        client.close();
    }
}
