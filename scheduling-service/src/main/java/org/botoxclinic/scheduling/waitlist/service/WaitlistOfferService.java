package org.botoxclinic.scheduling.waitlist.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.DomainException;
import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.waitlist.domain.OfferStatus;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistOffer;
import org.botoxclinic.scheduling.waitlist.repository.WaitlistOfferRepository;
import org.jboss.logging.Logger;

/** Shows the offers of freed time, and takes the patient's answer: accept (book), decline, or no answer in time. */
@ApplicationScoped
public class WaitlistOfferService {

    private static final Logger LOG = Logger.getLogger(WaitlistOfferService.class);
    public static final String OFFER_STALE = "OFFER_STALE";
    public static final String OFFER_EXPIRED = "OFFER_EXPIRED";
    static final String LIST = "waitlist-offers";
    /** At most this many overdue offers per run of the job; the next run takes the rest. */
    private static final int BATCH = 100;

    private final WaitlistOfferRepository offers;
    private final OfferAcceptance acceptance;
    private final BackfillService backfill;
    private final AuditTrail audit;
    private final Clock clock;

    public WaitlistOfferService(WaitlistOfferRepository offers, OfferAcceptance acceptance, BackfillService backfill,
                                AuditTrail audit, Clock clock) {
        this.offers = offers;
        this.acceptance = acceptance;
        this.backfill = backfill;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of offers (optionally by status, date, referral), oldest first, each with its skipped patients. */
    @Transactional
    public Page<WaitlistOffer> list(OfferStatus status, LocalDate date, UUID referralId, String cursor, int limit) {
        WaitlistOfferRepository.After after = null;
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, LIST, 2);
            after = new WaitlistOfferRepository.After(c.time(0), c.uuid(1));
        }
        Page<WaitlistOffer> page = Page.of(offers.page(status, date, referralId, after, limit + 1), limit,
                o -> Cursor.of(LIST, o.createdAt(), o.id()));
        page.items().forEach(o -> {
            o.skipped().size();
            audit.record("READ", BackfillService.RESOURCE, o.id(), o.referralId());
        });
        return page;
    }

    @Transactional
    public WaitlistOffer get(UUID id) {
        WaitlistOffer offer = offers.findByIdOptional(id).orElseThrow(() -> new NotFoundException(WaitlistOffer.RESOURCE, id));
        offer.skipped().size();
        audit.record("READ", BackfillService.RESOURCE, id, offer.referralId());
        return offer;
    }

    /**
     * Books the offered slot (see {@link OfferAcceptance#book}). When a rule or the slot refuses it now, the offer
     * becomes STALE, its time goes to the next waiting patient, and the answer is 409 OFFER_STALE naming the rule; when
     * its time to answer is over, it becomes EXPIRED likewise (409 OFFER_EXPIRED). An offer no longer open is 409 with
     * its status.
     */
    public Appointment accept(UUID id) {
        try {
            return acceptance.book(id);
        } catch (OfferAcceptance.OfferExpired e) {
            acceptance.expire(id);
            throw new ConflictException(OFFER_EXPIRED, "the offer's time to answer is over; it was passed on",
                    Map.of("offerId", id.toString()));
        } catch (NotFoundException | IllegalTransitionException | InvalidInputException e) {
            throw e;
        } catch (DomainException refused) {
            String detail = refused.detail();
            if (acceptance.stale(id, refused.code(), detail)) {
                LOG.infof("Waitlist offer %s was stale (%s) and was passed on", id, refused.code());
            }
            Map<String, Object> properties = new LinkedHashMap<>(refused.properties());
            properties.put("rule", refused.code());
            properties.put("offerId", id.toString());
            throw new ConflictException(OFFER_STALE, "the offer can no longer be booked (" + refused.code() + ": "
                    + detail + "); it was passed on to the next waiting patient", properties);
        }
    }

    /** The patient says no: the offer ends (409 unless OPEN) and its time goes to the next waiting patient. */
    @Transactional
    public WaitlistOffer decline(UUID id) {
        WaitlistOffer offer = offers.findByIdOptional(id).orElseThrow(() -> new NotFoundException(WaitlistOffer.RESOURCE, id));
        offers.takeTurn();
        offers.lock(offer).decline(Timestamps.now(clock));
        offers.flush();
        audit.record("DECLINE", BackfillService.RESOURCE, id, offer.referralId());
        LOG.infof("Waitlist offer %s of referral %s declined", id, offer.referralId());
        backfill.offerFreeTime(offer.date(), offer.slot());
        offer.skipped().size();
        return offer;
    }

    /** Expires the open offers whose time to answer is over, each passed on in its own transaction; returns how many. */
    public int expireDue() {
        int expired = 0;
        List<UUID> due = QuarkusTransaction.requiringNew().call(() ->
                offers.due(Timestamps.now(clock), BATCH).stream().map(WaitlistOffer::id).toList());
        for (UUID id : due) {
            if (acceptance.expire(id)) {
                expired++;
            }
        }
        if (expired > 0) {
            LOG.infof("Waitlist job expired %d offers", expired);
        }
        return expired;
    }
}
