package org.botoxclinic.referral.webhook.service;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.botoxclinic.referral.webhook.domain.PartnerWebhook;
import org.botoxclinic.referral.webhook.domain.SealedSecret;
import org.botoxclinic.referral.webhook.repository.PartnerWebhookRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Partners' webhook secrets at rest: sealed with the configured key ({@link SecretKeyRing}), opened only to sign a
 * call. The service refuses to start without a key outside development mode. At every start, secrets still stored
 * in plain text (from before secrets were sealed) are sealed, and secrets sealed under an earlier key are resealed
 * under the current one, in batches.
 */
@Startup
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final int BATCH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeyRing keys;
    private final PartnerWebhookRepository webhooks;

    public WebhookSecrets(WebhookConfig config, PartnerWebhookRepository webhooks,
                          @ConfigProperty(name = "clinic.dev-mode", defaultValue = "false") boolean devMode) {
        this.keys = SecretKeyRing.fromConfig(config.secretKey(), config.oldSecretKeys().orElse(List.of()), devMode);
        this.webhooks = webhooks;
        if (config.secretKey().isEmpty()) {
            LOG.warn("Webhook secrets are sealed with the public development key (development mode); "
                    + "set clinic.webhooks.secret-key (CLINIC_WEBHOOKS_SECRET_KEY) anywhere else");
        }
    }

    void onStart(@Observes StartupEvent start) {
        int sealed = sealPlainTextSecrets();
        int resealed = resealUnderCurrentKey();
        if (sealed + resealed > 0) {
            LOG.infof("Webhook secrets: %d sealed from plain text, %d resealed under key %s", sealed, resealed,
                    keys.currentKeyId());
        }
    }

    /** Seals every secret still stored in plain text; returns how many. Each batch commits on its own. */
    public int sealPlainTextSecrets() {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<PartnerWebhook> batch = webhooks.withPlainTextSecret(BATCH);
                batch.forEach(w -> w.sealPlainText(secret -> keys.seal(w.partnerId(), secret)));
                return batch.size();
            });
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }

    /** Reseals under the current key every secret sealed under an earlier one; returns how many registrations. */
    public int resealUnderCurrentKey() {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<PartnerWebhook> batch = webhooks.sealedUnderAnotherKey(keys.currentKeyId(), BATCH);
                batch.forEach(w -> w.reseal(sealed -> keys.isStale(sealed)
                        ? keys.seal(w.partnerId(), keys.open(w.partnerId(), sealed)) : sealed));
                return batch.size();
            });
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }

    public SealedSecret seal(String partnerId, String secret) {
        return keys.seal(partnerId, secret);
    }

    /** A new secret the clinic makes for a rotation: 32 random bytes, URL-safe base64 (43 characters). */
    public String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The secrets that sign a call now: the current one, and the previous one while a rotation's overlap lasts. */
    public List<String> activeSecrets(PartnerWebhook webhook, OffsetDateTime now) {
        List<String> active = new ArrayList<>(2);
        SealedSecret current = webhook.currentSecret();
        if (current == null) {
            throw new IllegalStateException("webhook secret of partner " + webhook.partnerId() + " is not sealed yet");
        }
        active.add(keys.open(webhook.partnerId(), current));
        webhook.previousSecret(now).ifPresent(previous -> active.add(keys.open(webhook.partnerId(), previous)));
        return active;
    }

    public String currentKeyId() {
        return keys.currentKeyId();
    }
}
