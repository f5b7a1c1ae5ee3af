package org.botoxclinic.referral.referral.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.events.Topics;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.outbox.OutboundEvent;
import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.referral.referral.api.ReferralSubmission;
import org.botoxclinic.referral.referral.domain.Coverage;
import org.botoxclinic.referral.referral.domain.Patient;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.domain.ReferralSource;
import org.botoxclinic.referral.referral.domain.ReferringProvider;
import org.botoxclinic.referral.referral.events.ReferralAccepted;
import org.jboss.logging.Logger;

/** Intake's use cases: receive a referral, decide on it, and publish what was decided through the outbox. */
@ApplicationScoped
public class ReferralDesk {

    private static final Logger LOG = Logger.getLogger(ReferralDesk.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    public ReferralDesk(EntityManager em, Outbox outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Referral submit(String partnerId, ReferralSubmission s) {
        if (existing(partnerId, s.externalReferralId()).isPresent()) {
            throw Problems.of(Response.Status.CONFLICT, "DUPLICATE_EXTERNAL_REFERRAL_ID",
                    "a referral with this externalReferralId already exists for this partner");
        }
        var p = s.patient();
        var d = s.referringProvider();
        var i = s.insurance();
        Referral referral = Referral.receive(ReferralSource.PARTNER, partnerId, s.externalReferralId(), s.indication(),
                s.urgency(), s.diagnosisCodes(),
                new Patient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex(), p.phone(), p.email()),
                new ReferringProvider(d.npi(), d.name(), d.practice()),
                new Coverage(i.payerId(), i.payerName(), i.memberId(), i.groupNumber(), i.planType()),
                s.clinicalDetails(), s.notes(), now());
        em.persist(referral);
        em.flush();
        LOG.infof("Referral %s received from partner %s", referral.id(), partnerId);
        return referral;
    }

    public Optional<Referral> find(UUID id) {
        return Optional.ofNullable(em.find(Referral.class, id));
    }

    @Transactional
    public Referral accept(UUID id) {
        Referral referral = lockedOrNotFound(id);
        ReferralAccepted accepted = referral.accept(now());
        outbox.append(OutboundEvent.of(Topics.REFERRAL_EVENTS, ReferralAccepted.TYPE, referral.id(), accepted.acceptedAt(), accepted));
        LOG.infof("Referral %s accepted", referral.id());
        return referral;
    }

    private Referral lockedOrNotFound(UUID id) {
        Referral referral = em.find(Referral.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null) {
            throw Problems.notFound("referral", id);
        }
        return referral;
    }

    private Optional<Referral> existing(String partnerId, String externalReferralId) {
        return em.createQuery("from Referral where partnerId = :partner and externalReferralId = :external", Referral.class)
                .setParameter("partner", partnerId)
                .setParameter("external", externalReferralId)
                .getResultStream()
                .findFirst();
    }

    private OffsetDateTime now() {
        return Timestamps.now(clock);
    }
}
