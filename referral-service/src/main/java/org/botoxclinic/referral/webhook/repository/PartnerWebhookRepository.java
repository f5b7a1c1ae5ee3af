package org.botoxclinic.referral.webhook.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.referral.webhook.domain.PartnerWebhook;

/** Partners' webhook registrations, one per partner, keyed by the partner's id. */
@ApplicationScoped
public class PartnerWebhookRepository implements PanacheRepositoryBase<PartnerWebhook, String> {
}
