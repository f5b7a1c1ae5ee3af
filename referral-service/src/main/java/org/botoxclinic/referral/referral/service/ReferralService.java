package org.botoxclinic.referral.referral.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.events.Topics;
import org.botoxclinic.platform.outbox.OutboundEvent;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.referral.referral.api.ReferralSubmission;
import org.botoxclinic.referral.referral.domain.Address;
import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.referral.referral.domain.Coverage;
import org.botoxclinic.referral.referral.domain.Patient;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.domain.ReferralSource;
import org.botoxclinic.referral.referral.domain.ReferralStatus;
import org.botoxclinic.referral.referral.domain.ReferringProvider;
import org.botoxclinic.referral.referral.domain.SubmissionRules;
import org.botoxclinic.referral.referral.events.ReferralAccepted;
import org.botoxclinic.referral.referral.events.ReferralCancelled;
import org.botoxclinic.referral.referral.events.ReferralDeclined;
import org.botoxclinic.referral.timeline.domain.TimelineType;
import org.botoxclinic.referral.timeline.service.Timeline;
import org.botoxclinic.referral.triage.TriageInput;
import org.botoxclinic.referral.triage.TriageResult;
import org.botoxclinic.referral.triage.TriageRules;
import org.jboss.logging.Logger;

/** Intake's use cases: receive and screen a referral, decide on it, and tell the other services and the PCP. */
@ApplicationScoped
public class ReferralDesk {

    private static final Logger LOG = Logger.getLogger(ReferralDesk.class);
    private static final String RESOURCE = "referral";

    private final EntityManager em;
    private final Outbox outbox;
    private final Timeline timeline;
    private final AuditTrail audit;
    private final ReferralConfig config;
    private final Clock clock;

    public ReferralDesk(EntityManager em, Outbox outbox, Timeline timeline, AuditTrail audit, ReferralConfig config,
                        Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Checks what bean validation cannot: the rules that need several fields or today's date. */
    public Map<String, String> ruleViolations(ReferralSource source, ReferralSubmission s) {
        return SubmissionRules.violations(source, s.externalReferralId(),
                s.referringProvider() == null ? null : s.referringProvider().npi(), s.indication(), s.diagnosisCodes(),
                s.patient() == null ? null : s.patient().dateOfBirth(), LocalDate.now(clock), config.codesByIndication());
    }

    /**
     * Stores a new referral, screened, or returns the one an identical earlier submission created. A submission
     * that reuses an id with different content is refused. A concurrent twin makes the insert fail on the unique
     * index; the caller then replays with {@link #replay}.
     */
    @Transactional
    public SubmitResult submit(ReferralSource source, String partnerId, String idempotencyKey, String fingerprint,
                               String actor, ReferralSubmission s) {
        Optional<SubmitResult> earlier = earlier(source, partnerId, idempotencyKey, fingerprint, s.externalReferralId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var p = s.patient();
        var d = s.referringProvider();
        var i = s.insurance();
        var a = p.address();
        OffsetDateTime now = now();
        Referral referral = Referral.receive(source, partnerId, s.externalReferralId(), idempotencyKey, fingerprint,
                s.indication(), s.urgency(), s.diagnosisCodes(),
                new Patient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex(), p.phone(), p.email(),
                        a == null ? null : new Address(a.line1(), a.line2(), a.city(), a.state(), a.postalCode())),
                new ReferringProvider(d.npi(), d.name(), d.practice(), d.phone(), d.fax()),
                new Coverage(i.payerId(), i.payerName(), i.memberId(), i.groupNumber(), i.planType()),
                s.clinicalDetails(), s.notes(), actor, now);
        em.persist(referral);
        em.flush();
        timeline.record(referral, TimelineType.RECEIVED,
                source == ReferralSource.PHONE ? "Entered by clinic staff from a patient's call" : "Received from the referring practice",
                now);
        screen(referral, now);
        audit.record("CREATE", RESOURCE, referral.id(), referral.id());
        LOG.infof("Referral %s received (%s, partner %s), triage %s", referral.id(), source, partnerId, referral.triageOutcome());
        return new SubmitResult(referral, true);
    }

    /** After losing a race on the unique index: the twin that won is now committed. */
    @Transactional
    public SubmitResult replay(ReferralSource source, String partnerId, String idempotencyKey, String fingerprint,
                               String externalReferralId) {
        return earlier(source, partnerId, idempotencyKey, fingerprint, externalReferralId)
                .orElseThrow(() -> Problems.of(Response.Status.CONFLICT, "DUPLICATE",
                        "a conflicting referral was stored at the same time; read it and retry if needed"));
    }

    private Optional<SubmitResult> earlier(ReferralSource source, String partnerId, String idempotencyKey,
                                           String fingerprint, String externalReferralId) {
        if (idempotencyKey != null) {
            TypedQuery<Referral> query = em.createQuery(partnerId == null
                            ? "from Referral where partnerId is null and idempotencyKey = :key"
                            : "from Referral where partnerId = :partner and idempotencyKey = :key", Referral.class)
                    .setParameter("key", idempotencyKey);
            if (partnerId != null) {
                query.setParameter("partner", partnerId);
            }
            Optional<Referral> byKey = query.getResultStream().findFirst();
            if (byKey.isPresent()) {
                return Optional.of(replayOf(byKey.get(), fingerprint, "IDEMPOTENCY_KEY_REUSED",
                        "this Idempotency-Key was used for a referral with different content"));
            }
        }
        if (source == ReferralSource.PARTNER && externalReferralId != null) {
            Optional<Referral> byExternalId = em.createQuery(
                            "from Referral where partnerId = :partner and externalReferralId = :external", Referral.class)
                    .setParameter("partner", partnerId)
                    .setParameter("external", externalReferralId)
                    .getResultStream().findFirst();
            if (byExternalId.isPresent()) {
                return Optional.of(replayOf(byExternalId.get(), fingerprint, "EXTERNAL_REFERRAL_ID_REUSED",
                        "externalReferralId " + externalReferralId + " was already submitted with different content"));
            }
        }
        return Optional.empty();
    }

    private SubmitResult replayOf(Referral earlier, String fingerprint, String code, String detail) {
        if (!earlier.isSameSubmission(fingerprint)) {
            throw Problems.of(Response.Status.CONFLICT, code, detail, Map.of("referralId", earlier.id().toString()));
        }
        audit.record("REPLAY", RESOURCE, earlier.id(), earlier.id());
        return new SubmitResult(earlier, false);
    }

    private void screen(Referral referral, OffsetDateTime now) {
        TriageResult result = TriageRules.screen(new TriageInput(referral.indication(), referral.patient().dateOfBirth(),
                LocalDate.now(clock), referral.clinicalDetails()));
        referral.triaged(result, now);
        timeline.record(referral, TimelineType.TRIAGED, "Screening: " + result.outcome(), now);
    }

    /** A referral as the caller may see it: a partner only its own; anything else is 404, like a missing one. */
    @Transactional
    public Referral read(UUID id, String partnerScope) {
        Referral referral = visible(id, partnerScope, LockModeType.NONE);
        audit.record("READ", RESOURCE, id, id);
        return referral;
    }

    @Transactional
    public Referral accept(UUID id) {
        Referral referral = visible(id, null, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = now();
        referral.accept(now);
        ReferralAccepted accepted = ReferralAccepted.of(referral, now);
        outbox.append(OutboundEvent.of(Topics.REFERRAL_EVENTS, ReferralAccepted.TYPE, referral.id(), now, accepted));
        timeline.record(referral, TimelineType.ACCEPTED, "Accepted by the clinic", now);
        audit.record("ACCEPT", RESOURCE, id, id);
        LOG.infof("Referral %s accepted", id);
        return referral;
    }

    @Transactional
    public Referral decline(UUID id, String reason) {
        Referral referral = visible(id, null, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = now();
        referral.decline(reason, now);
        outbox.append(OutboundEvent.of(Topics.REFERRAL_EVENTS, ReferralDeclined.TYPE, referral.id(), now,
                new ReferralDeclined(referral.id(), now, reason, referral.partnerId())));
        timeline.record(referral, TimelineType.DECLINED, "Declined: " + reason, now);
        audit.record("DECLINE", RESOURCE, id, id);
        LOG.infof("Referral %s declined", id);
        return referral;
    }

    @Transactional
    public Referral requestInformation(UUID id, String question) {
        Referral referral = visible(id, null, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = now();
        referral.requestInformation(question, now);
        timeline.record(referral, TimelineType.INFO_REQUESTED, "The clinic asks: " + question, now);
        audit.record("REQUEST_INFO", RESOURCE, id, id);
        return referral;
    }

    /** The partner's answer sends the referral back to intake, screened again on what it now says. */
    @Transactional
    public Referral provideInformation(UUID id, String partnerScope, String answer, ClinicalDetails details, Coverage insurance) {
        Referral referral = visible(id, partnerScope, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = now();
        referral.provideInformation(answer, details, insurance, now);
        timeline.record(referral, TimelineType.INFO_PROVIDED, "The referring practice answered", now);
        screen(referral, now);
        audit.record("PROVIDE_INFO", RESOURCE, id, id);
        return referral;
    }

    @Transactional
    public Referral cancel(UUID id, String partnerScope, String reason) {
        Referral referral = visible(id, partnerScope, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = now();
        boolean wasAccepted = referral.status() == ReferralStatus.ACCEPTED;
        referral.cancel(reason, now);
        String by = partnerScope != null ? "PARTNER" : "CLINIC";
        outbox.append(OutboundEvent.of(Topics.REFERRAL_EVENTS, ReferralCancelled.TYPE, referral.id(), now,
                new ReferralCancelled(referral.id(), now, reason, by, referral.partnerId())));
        timeline.record(referral, TimelineType.CANCELLED,
                (wasAccepted ? "Cancelled after acceptance (" : "Cancelled (") + by.toLowerCase() + "): " + reason, now);
        audit.record("CANCEL", RESOURCE, id, id);
        LOG.infof("Referral %s cancelled by %s", id, by);
        return referral;
    }

    /** For other features (timeline, consumers): the referral if it exists. */
    public Optional<Referral> find(UUID id) {
        return Optional.ofNullable(em.find(Referral.class, id));
    }

    private Referral visible(UUID id, String partnerScope, LockModeType lock) {
        Referral referral = em.find(Referral.class, id, lock);
        if (referral == null || (partnerScope != null && !referral.belongsTo(partnerScope))) {
            throw Problems.notFound(RESOURCE, id);
        }
        return referral;
    }

    private OffsetDateTime now() {
        return Timestamps.now(clock);
    }
}
