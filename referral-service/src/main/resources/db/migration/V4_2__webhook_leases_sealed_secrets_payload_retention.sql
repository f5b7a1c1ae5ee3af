-- Partner webhooks: each delivery attempt holds its own lease; secrets are sealed (AES-GCM, by the service, under
-- the key named beside the ciphertext) and two are active during a rotation; payloads are purged after retention.

-- The claim of the attempt in flight: only its holder records the outcome.
alter table webhook_delivery add column lease_token uuid;
-- A partner's due deliveries, claimed one at a time by that partner's worker.
create index webhook_delivery_partner_due on webhook_delivery (partner_id, id) where status = 'PENDING';

-- Delivered and finally failed deliveries lose their payload after the retention period; the attempts stay.
alter table webhook_delivery alter column payload drop not null;
create index webhook_delivery_purgeable on webhook_delivery ((coalesce(delivered_at, last_attempt_at)))
    where payload is not null and status <> 'PENDING';

-- Secrets: the service seals every plain-text secret at its next start (WebhookSecretsAtRest) and clears this
-- column; SQL cannot encrypt with the key from the service's configuration.
alter table partner_webhook alter column secret drop not null;
alter table partner_webhook
    add column secret_key_id               text,
    add column secret_ciphertext           text,
    add column previous_secret_key_id      text,
    add column previous_secret_ciphertext  text,
    add column previous_secret_valid_until timestamptz,
    add constraint partner_webhook_has_a_secret check (secret is not null or secret_ciphertext is not null),
    add constraint partner_webhook_sealed_with_key check ((secret_ciphertext is null) = (secret_key_id is null));
create index partner_webhook_plain_text_secret on partner_webhook (partner_id) where secret is not null;

-- Earlier refusals named the private address a partner's host resolved to; the partner sees this text.
update webhook_delivery
   set last_error = 'target refused: url must resolve only to public internet addresses'
 where last_error like 'target refused: url must be a public address, not %';
