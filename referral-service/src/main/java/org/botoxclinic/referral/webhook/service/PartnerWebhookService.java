package org.botoxclinic.referral.webhook.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.botoxclinic.platform.transaction.AfterCommit;
import org.botoxclinic.platform.audit.AuditTrail;

import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.timeline.domain.TimelineEntry;
import org.botoxclinic.referral.timeline.service.TimelineEntryAdded;
import org.botoxclinic.referral.webhook.domain.PartnerWebhook;
import org.botoxclinic.referral.webhook.domain.WebhookDelivery;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.botoxclinic.referral.webhook.repository.PartnerWebhookRepository;
import org.botoxclinic.referral.webhook.repository.WebhookDeliveryRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A partner's webhook: its registration, what is owed to it (every new timeline entry of its referrals, queued in
 * the entry's transaction) and the record of what was delivered.
 */
@ApplicationScoped
public class PartnerWebhookService {

    private static final Logger LOG = Logger.getLogger(PartnerWebhookService.class);
    private static final String RESOURCE = "webhook of partner";
    /** The audit trail's resource type; its id is the partner's id (never the URL or a secret). */
    public static final String AUDIT_RESOURCE = "partner-webhook";

    private final PartnerWebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSecrets secrets;
    private final AuditTrail audit;
    private final EventJson json;
    private final WebhookConfig config;
    private final WebhookTarget.Rules rules;
    private final Clock clock;
    private final WebhookDeliveryJob job;
    private final TransactionSynchronizationRegistry transactions;

    public PartnerWebhookService(PartnerWebhookRepository webhooks, WebhookDeliveryRepository deliveries,
                                 WebhookSecrets secrets, AuditTrail audit, EventJson json, WebhookConfig config,
                                 @ConfigProperty(name = "clinic.dev-mode", defaultValue = "false") boolean devMode,
                                 Clock clock, WebhookDeliveryJob job, TransactionSynchronizationRegistry transactions) {
        this.job = job;
        this.transactions = transactions;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.audit = audit;
        this.json = json;
        this.config = config;
        this.rules = new WebhookTarget.Rules(devMode, config.requireHttps(), config.allowPrivateTargets());
        this.clock = clock;
    }

    /**
     * Registers the partner's webhook, or changes its URL and, when one is given, replaces its secrets at once. The
     * URL must be one the clinic may call ({@link WebhookTarget}); the refusal never names an address.
     */
    @Transactional
    public PartnerWebhook register(String partnerId, String url, Optional<String> secret) {
        checkTarget(url);
        OffsetDateTime now = Timestamps.now(clock);
        PartnerWebhook webhook = webhooks.findByIdOptional(partnerId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (webhook == null) {
            String first = secret.orElseThrow(() -> new InvalidInputException("secret", "is required to register a webhook"));
            webhook = new PartnerWebhook(partnerId, url, secrets.seal(partnerId, first), now);
            webhooks.persist(webhook);
            audit.record("REGISTER", AUDIT_RESOURCE, partnerId, null);
        } else {
            webhook.change(url, secret.map(s -> secrets.seal(partnerId, s)), now);
            audit.record(secret.isPresent() ? "CHANGE_WITH_SECRET" : "CHANGE", AUDIT_RESOURCE, partnerId, null);
        }
        LOG.infof("Webhook registered for partner %s", partnerId);
        return webhook;
    }

    /** A new secret, made by the clinic and shown this once; the previous one signs too until the overlap ends. */
    public record Rotation(PartnerWebhook webhook, String newSecret) {
    }

    @Transactional
    public Rotation rotateSecret(String partnerId) {
        PartnerWebhook webhook = webhooks.findByIdOptional(partnerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException(RESOURCE, partnerId));
        OffsetDateTime now = Timestamps.now(clock);
        String next = secrets.generate();
        webhook.rotate(secrets.seal(partnerId, next), now.plus(config.secretOverlap()), now);
        audit.record("ROTATE_SECRET", AUDIT_RESOURCE, partnerId, null);
        LOG.infof("Webhook secret rotation started for partner %s", partnerId);
        return new Rotation(webhook, next);
    }

    /** The partner checks with the new secret: the previous one stops signing now. */
    @Transactional
    public PartnerWebhook finishRotation(String partnerId) {
        PartnerWebhook webhook = webhooks.findByIdOptional(partnerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException(RESOURCE, partnerId));
        webhook.finishRotation(Timestamps.now(clock));
        audit.record("FINISH_SECRET_ROTATION", AUDIT_RESOURCE, partnerId, null);
        return webhook;
    }

    /** Stops the calls; deliveries still pending then fail as removed. */
    @Transactional
    public void remove(String partnerId) {
        if (!webhooks.deleteById(partnerId)) {
            throw new NotFoundException(RESOURCE, partnerId);
        }
        audit.record("REMOVE", AUDIT_RESOURCE, partnerId, null);
        LOG.infof("Webhook removed for partner %s", partnerId);
    }

    /** The URL's form and every address its host resolves to; the refusal names the rule, never an address. */
    private void checkTarget(String url) {
        try {
            WebhookTarget target = WebhookTarget.parse(url, rules);
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(target.host());
            } catch (UnknownHostException e) {
                throw new WebhookTarget.Refused(WebhookTarget.DOES_NOT_RESOLVE);
            }
            WebhookTarget.checkAddresses(addresses, rules);
        } catch (WebhookTarget.Refused e) {
            throw new InvalidInputException("url", e.reason());
        }
    }

    public WebhookTarget.Rules rules() {
        return rules;
    }

    public PartnerWebhook get(String partnerId) {
        return webhooks.findByIdOptional(partnerId).orElseThrow(() -> new NotFoundException(RESOURCE, partnerId));
    }

    /** The partner's deliveries, oldest first, one page after the cursor (null for the first). */
    public Page<WebhookDelivery> deliveries(String partnerId, String cursor, int limit) {
        long afterId = cursor == null ? 0 : Cursor.decode(cursor, WebhookDeliveryRepository.DELIVERIES, 1).number(0);
        return Page.of(deliveries.ofPartner(partnerId, afterId, limit + 1), limit, WebhookDeliveryRepository::cursorAfter);
    }

    /**
     * Queues the new timeline entries for the referral's partner, if it has a webhook, in the entries' transaction.
     * The registration is not looked up first: one statement inserts a delivery per entry joined to the partner's
     * registration as it is now, so it inserts nothing when there is none, and a registration, change or removal
     * on any replica counts from its commit on. The entries (and the referral) are flushed first, in batches,
     * since deliveries refer to them.
     */
    void onTimelineEntryAdded(@Observes TimelineEntryAdded added) {
        Referral referral = added.referral();
        if (referral.partnerId() == null || added.entries().isEmpty()) {
            return;
        }
        OffsetDateTime now = Timestamps.now(clock);
        List<WebhookDeliveryRepository.Owed> owed = new ArrayList<>(added.entries().size());
        for (TimelineEntry entry : added.entries()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("referralId", referral.id());
            body.put("externalReferralId", referral.externalReferralId());
            body.put("status", referral.status().name());
            body.put("stage", referral.stage() == null ? null : referral.stage().name());
            Map<String, Object> sent = new LinkedHashMap<>();
            sent.put("id", entry.id());
            sent.put("at", entry.at().toString());
            sent.put("type", entry.type().name());
            sent.put("detail", entry.detail());
            if (entry.details() != null) {
                sent.put("details", entry.details());
            }
            body.put("entry", sent);
            owed.add(new WebhookDeliveryRepository.Owed(entry.id(), json.write(body)));
        }
        deliveries.flush();
        if (deliveries.queueIfRegistered(referral.partnerId(), referral.id(), owed, now) > 0) {
            wakeTheJobAfterCommit();
        }
    }

    /** Once per transaction, however many deliveries it queues: the job looks for them at its next tick. */
    private void wakeTheJobAfterCommit() {
        AfterCommit.once(transactions, WebhookDeliveryJob.class, job::wake);
    }
}
