package org.botoxclinic.referral.referral.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.patient.domain.PatientKeys;
import org.botoxclinic.referral.patient.service.PatientService;
import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.platform.domain.Coverage;
import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.domain.ReferralProgress;
import org.botoxclinic.referral.referral.domain.ReferralQuery;
import org.botoxclinic.referral.referral.domain.ReferralSource;
import org.botoxclinic.referral.referral.domain.ReferralStatus;
import org.botoxclinic.referral.referral.domain.SubmissionRules;
import org.botoxclinic.referral.referral.domain.TriageInput;
import org.botoxclinic.referral.referral.domain.TriageResult;
import org.botoxclinic.referral.referral.domain.TriageRules;
import org.botoxclinic.referral.referral.events.ReferralAccepted;
import org.botoxclinic.referral.referral.events.ReferralCancelled;
import org.botoxclinic.referral.referral.events.ReferralDeclined;
import org.botoxclinic.referral.referral.repository.ReferralRepository;
import org.botoxclinic.referral.referral.service.ReferralChanged.Change;
import org.botoxclinic.referral.referral.service.ReferralChanged.Step;
import org.jboss.logging.Logger;

/**
 * Intake's use cases: receive and screen a referral, decide on it, note what the other services report, and
 * tell the other services (events) and the features built on the referral ({@link ReferralChanged}).
 */
@ApplicationScoped
public class ReferralService {

    private static final Logger LOG = Logger.getLogger(ReferralService.class);
    private static final String RESOURCE = "referral";

    private final ReferralRepository referrals;
    private final PatientService patients;
    private final Outbox outbox;
    private final Event<ReferralChanged> changes;
    private final AuditTrail audit;
    private final ReferralConfig config;
    private final Clock clock;

    public ReferralService(ReferralRepository referrals, PatientService patients, Outbox outbox, Event<ReferralChanged> changes, AuditTrail audit,
                           ReferralConfig config, Clock clock) {
        this.referrals = referrals;
        this.patients = patients;
        this.outbox = outbox;
        this.changes = changes;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Checks what bean validation cannot: the rules that need several fields or today's date. */
    public Map<String, String> ruleViolations(ReferralSource source, String externalReferralId, String npi,
                                              Indication indication, List<String> diagnosisCodes, LocalDate dateOfBirth) {
        return SubmissionRules.violations(source, externalReferralId, npi, indication, diagnosisCodes, dateOfBirth,
                LocalDate.now(clock), config.codesByIndication());
    }

    /**
     * Stores a new referral, screened. Resends are recognised by the unique indexes on the partner's external id and
     * on the Idempotency-Key rather than looked up first: a resend (or a concurrent twin) makes the insert fail
     * inside this use case, which then rolls back, and the caller replays with {@link #replay}, which returns the
     * earlier referral when the content is the same and refuses it (409) when it is not.
     * <p>
     * The patient is found or created first, in one statement (see {@code PatientRepository#identify}).
     * The referral is screened before it is written, so the finished row is inserted once; it, its timeline entries
     * and what the partner's webhook is owed are written at one flush, in batches, before the audit entry.
     */
    @Transactional
    public SubmitResult submit(NewReferral n) {
        OffsetDateTime now = now();
        var p = n.patient();
        UUID patientId = patients.identify(new PatientKeys(p.dateOfBirth(), p.firstName(), p.lastName(),
                n.insurance().memberId(), p.phone()));
        Referral referral = Referral.receive(n.source(), n.partnerId(), n.externalReferralId(), n.idempotencyKey(),
                n.fingerprint(), n.indication(), n.urgency(), n.diagnosisCodes(), n.patient(), patientId,
                n.referringProvider(), n.insurance(), n.clinicalDetails(), n.notes(), n.submittedBy(), now);
        TriageResult triage = triage(referral);
        referral.triaged(triage, now);
        referrals.persist(referral);
        changes.fire(new ReferralChanged(referral, List.of(
                new Step(Change.RECEIVED, n.source() == ReferralSource.PHONE
                        ? "Entered by clinic staff from a patient's call" : "Received from the referring practice", now),
                new Step(Change.TRIAGED, "Screening: " + triage.outcome(), now))));
        // A resend meets the unique index here, inside the use case, rather than at commit.
        referrals.flush();
        audit.record("CREATE", RESOURCE, referral.id(), referral.id());
        LOG.debugf("Referral %s received (%s, partner %s), triage %s", referral.id(), n.source(), n.partnerId(),
                referral.triageOutcome());
        return new SubmitResult(referral, true);
    }

    /**
     * After the insert met a unique index: the earlier submission (a resend's original, or a concurrent twin that
     * won, now committed) is returned when the content is the same, and refused (409) when it is not.
     */
    @Transactional
    public SubmitResult replay(NewReferral n) {
        return earlier(n.source(), n.partnerId(), n.idempotencyKey(), n.fingerprint(), n.externalReferralId())
                .orElseThrow(() -> new ConflictException("DUPLICATE",
                        "a conflicting referral was stored at the same time; read it and retry if needed"));
    }

    private Optional<SubmitResult> earlier(ReferralSource source, String partnerId, String idempotencyKey,
                                           String fingerprint, String externalReferralId) {
        if (idempotencyKey != null) {
            Optional<Referral> byKey = referrals.findByIdempotencyKey(partnerId, idempotencyKey);
            if (byKey.isPresent()) {
                return Optional.of(replayOf(byKey.get(), fingerprint, "IDEMPOTENCY_KEY_REUSED",
                        "this Idempotency-Key was used for a referral with different content"));
            }
        }
        if (source == ReferralSource.PARTNER && externalReferralId != null) {
            Optional<Referral> byExternalId = referrals.findByExternalId(partnerId, externalReferralId);
            if (byExternalId.isPresent()) {
                return Optional.of(replayOf(byExternalId.get(), fingerprint, "EXTERNAL_REFERRAL_ID_REUSED",
                        "externalReferralId " + externalReferralId + " was already submitted with different content"));
            }
        }
        return Optional.empty();
    }

    private SubmitResult replayOf(Referral earlier, String fingerprint, String code, String detail) {
        if (!earlier.isSameSubmission(fingerprint)) {
            throw new ConflictException(code, detail, Map.of("referralId", earlier.id().toString()));
        }
        audit.record("REPLAY", RESOURCE, earlier.id(), earlier.id());
        return new SubmitResult(earlier, false);
    }

    private void screen(Referral referral, OffsetDateTime now) {
        TriageResult result = triage(referral);
        referral.triaged(result, now);
        announce(referral, Change.TRIAGED, "Screening: " + result.outcome(), now);
    }

    private TriageResult triage(Referral referral) {
        return TriageRules.screen(new TriageInput(referral.indication(), referral.patient().dateOfBirth(),
                LocalDate.now(clock), referral.clinicalDetails()));
    }

    /** A referral as the caller may see it: a partner only its own; anything else is 404, like a missing one. */
    @Transactional
    public Referral read(UUID id, String partnerScope) {
        Referral referral = visible(id, partnerScope, LockModeType.NONE, "READ");
        audit.record("READ", RESOURCE, id, id);
        return referral;
    }

    /**
     * The referral for a feature built on it (its documents), if the caller may see it: a partner only its own;
     * anything else is 404, the refusal recorded as for every lookup. The feature records what it discloses.
     */
    @Transactional
    public Referral visibleTo(UUID id, String partnerScope, String action) {
        return visible(id, partnerScope, LockModeType.NONE, action);
    }

    /** The intake work queue, one page after the cursor (null for the first). */
    @Transactional
    public Page<Referral> queue(ReferralQuery query, String cursor, int limit) {
        Cursor after = cursor == null ? null : Cursor.decode(cursor, ReferralRepository.QUEUE, 3);
        Page<Referral> page = Page.of(referrals.queue(query, after, limit + 1), limit, ReferralRepository::queueCursor);
        audit.recordAll("LIST", RESOURCE, page.items().stream().map(r -> new AuditTrail.Disclosed(r.id(), r.id())).toList());
        return page;
    }

    @Transactional
    public Referral accept(UUID id) {
        Referral referral = visible(id, null, LockModeType.PESSIMISTIC_WRITE, "ACCEPT");
        OffsetDateTime now = now();
        referral.accept(now);
        outbox.append(ReferralAccepted.of(referral, now));
        announce(referral, Change.ACCEPTED, "Accepted by the clinic", now);
        audit.record("ACCEPT", RESOURCE, id, id);
        LOG.infof("Referral %s accepted", id);
        return referral;
    }

    @Transactional
    public Referral decline(UUID id, String reason) {
        Referral referral = visible(id, null, LockModeType.PESSIMISTIC_WRITE, "DECLINE");
        OffsetDateTime now = now();
        referral.decline(reason, now);
        outbox.append(ReferralDeclined.of(referral, now));
        announce(referral, Change.DECLINED, "Declined: " + reason, now);
        audit.record("DECLINE", RESOURCE, id, id);
        LOG.infof("Referral %s declined", id);
        return referral;
    }

    @Transactional
    public Referral requestInformation(UUID id, String question) {
        Referral referral = visible(id, null, LockModeType.PESSIMISTIC_WRITE, "REQUEST_INFO");
        OffsetDateTime now = now();
        referral.requestInformation(question, now);
        announce(referral, Change.INFO_REQUESTED, "The clinic asks: " + question, now);
        audit.record("REQUEST_INFO", RESOURCE, id, id);
        return referral;
    }

    /** The partner's answer sends the referral back to intake, screened again on what it now says. */
    @Transactional
    public Referral provideInformation(UUID id, String partnerScope, String answer, ClinicalDetails details, Coverage insurance) {
        Referral referral = visible(id, partnerScope, LockModeType.PESSIMISTIC_WRITE, "PROVIDE_INFO");
        OffsetDateTime now = now();
        referral.provideInformation(answer, details, insurance, now);
        announce(referral, Change.INFO_PROVIDED, "The referring practice answered", now);
        screen(referral, now);
        audit.record("PROVIDE_INFO", RESOURCE, id, id);
        return referral;
    }

    @Transactional
    public Referral cancel(UUID id, String partnerScope, String reason) {
        Referral referral = visible(id, partnerScope, LockModeType.PESSIMISTIC_WRITE, "CANCEL");
        OffsetDateTime now = now();
        boolean wasAccepted = referral.status() == ReferralStatus.ACCEPTED;
        referral.cancel(reason, now);
        var by = partnerScope != null ? ReferralCancelled.CancelledBy.PARTNER : ReferralCancelled.CancelledBy.CLINIC;
        outbox.append(ReferralCancelled.of(referral, now, by));
        announce(referral, Change.CANCELLED, (wasAccepted ? "Cancelled after acceptance (" : "Cancelled (")
                + by.name().toLowerCase() + "): " + reason, now);
        audit.record("CANCEL", RESOURCE, id, id);
        LOG.infof("Referral %s cancelled by %s", id, by);
        return referral;
    }

    /**
     * Notes what another service reported about a referral, as of when it happened there.
     *
     * @return the referral, or empty when this service does not know it
     */
    @Transactional
    public Optional<Referral> noteProgress(UUID id, ReferralProgress progress, OffsetDateTime at) {
        Optional<Referral> referral = referrals.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        referral.ifPresent(r -> r.noteProgress(progress, Timestamps.utc(at)));
        return referral;
    }

    private void announce(Referral referral, Change change, String detail, OffsetDateTime at) {
        changes.fire(new ReferralChanged(referral, List.of(new Step(change, detail, at))));
    }

    /**
     * The referral, if the caller may see it; otherwise 404 as for a missing one. Another partner's referral is a
     * refused lookup and is recorded as such (the action attempted, outcome DENIED) before the refusal.
     */
    private Referral visible(UUID id, String partnerScope, LockModeType lock, String action) {
        Referral referral = referrals.findByIdOptional(id, lock).orElseThrow(() -> new NotFoundException(RESOURCE, id));
        if (partnerScope != null && !referral.belongsTo(partnerScope)) {
            audit.recordDenied(action, RESOURCE, id, id);
            LOG.infof("Referral %s refused to partner %s (%s): another partner's referral", id, partnerScope, action);
            throw new NotFoundException(RESOURCE, id);
        }
        return referral;
    }

    private OffsetDateTime now() {
        return Timestamps.now(clock);
    }
}
