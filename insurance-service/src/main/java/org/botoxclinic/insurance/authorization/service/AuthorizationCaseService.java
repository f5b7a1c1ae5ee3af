package org.botoxclinic.insurance.authorization.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.AcceptedReferral;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.QueueFilter;
import org.botoxclinic.insurance.authorization.domain.RequestRules;
import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.insurance.authorization.repository.CancelledReferralRepository;
import org.botoxclinic.insurance.authorization.repository.IndicationCatalogueRepository;
import org.botoxclinic.insurance.document.domain.ReferralDocument;
import org.botoxclinic.insurance.document.service.ReferralDocumentService;
import org.botoxclinic.insurance.patient.service.PatientAliasService;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.jboss.logging.Logger;

/**
 * A case's life on the clinic's side: opened for each accepted referral, read and listed in the specialists' work
 * queue, its checklist kept, withdrawn, and closed when its referral is cancelled. A cancelled referral is remembered,
 * and an acceptance of it that arrives later opens nothing. What goes to and comes from the payer is
 * {@link PayerDecisionService}'s.
 */
@ApplicationScoped
public class AuthorizationCaseService {

    private static final Logger LOG = Logger.getLogger(AuthorizationCaseService.class);

    private final AuthorizationCaseRepository cases;
    private final CancelledReferralRepository cancelledReferrals;
    private final IndicationCatalogueRepository catalogue;
    private final CaseAudit audit;
    private final PatientAliasService patients;
    private final ReferralDocumentService documents;
    private final DocumentedBenefitService benefit;
    private final Clock clock;

    public AuthorizationCaseService(AuthorizationCaseRepository cases, CancelledReferralRepository cancelledReferrals,
                                    IndicationCatalogueRepository catalogue, CaseAudit audit, PatientAliasService patients,
                                    ReferralDocumentService documents, DocumentedBenefitService benefit, Clock clock) {
        this.cases = cases;
        this.cancelledReferrals = cancelledReferrals;
        this.catalogue = catalogue;
        this.audit = audit;
        this.patients = patients;
        this.documents = documents;
        this.benefit = benefit;
        this.clock = clock;
    }

    /**
     * Runs inside the inbox's transaction; a referral that already has its initial case is left as it is, and a
     * cancelled one gets none: the late acceptance is acknowledged and audited, not retried or dead-lettered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(AcceptedReferral referral) {
        cancelledReferrals.takeTurn(referral.referralId());
        if (cancelledReferrals.isCancelled(referral.referralId())) {
            audit.refusedOpening(referral.referralId());
            LOG.infof("Referral %s was cancelled before its acceptance arrived: no authorization case opened",
                    referral.referralId());
            return;
        }
        if (cases.initialCase(referral.referralId()).isPresent()) {
            LOG.infof("Referral %s already has an authorization case", referral.referralId());
            return;
        }
        String payerId = referral.coverage().payerId();
        // An acceptance published before a merge of its patient may arrive after it: file the case under the survivor.
        AcceptedReferral keyed = referral.withPatientId(patients.resolveForKeying(referral.patientId()));
        AuthorizationCase c = AuthorizationCase.open(keyed, catalogue.defaultsFor(referral.indication(), payerId),
                catalogue.checklistFor(referral.indication(), payerId, false), now());
        cases.persist(c);
        audit.record("OPEN", c);
        benefit.assess(c);
        LOG.infof("Authorization case %s opened for referral %s", c.id(), referral.referralId());
    }

    /**
     * The referral was cancelled: it is remembered as cancelled (even when no case exists yet), every open case of it
     * closes, and closed ones stay as they ended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelReferral(UUID referralId, String reason) {
        cancelledReferrals.takeTurn(referralId);
        cancelledReferrals.remember(referralId, now());
        int cancelled = 0;
        for (AuthorizationCase c : cases.ofReferralLocked(referralId)) {
            if (c.cancel("referral cancelled: " + reason, now())) {
                audit.record("CANCEL", c);
                cancelled++;
            }
        }
        LOG.infof("Referral %s cancelled: %d authorization case(s) closed", referralId, cancelled);
        return cancelled;
    }

    /** One case for a reader; the read is audited. */
    @Transactional
    public AuthorizationCase read(UUID id) {
        AuthorizationCase c = cases.byId(id);
        audit.record("READ", c);
        return c;
    }

    /** One page of the work queue, most urgent first; every case on it is a read, and audited as one. */
    @Transactional
    public Page<AuthorizationCase> queue(QueueFilter filter, int limit, Cursor after) {
        List<AuthorizationCase> found = cases.queue(filter, after, limit, now(), LocalDate.now(clock));
        Page<AuthorizationCase> page = Page.of(found, limit, AuthorizationCaseRepository::cursorAfter);
        audit.recordAll("READ", page.items());
        return page;
    }

    /** Reads a cursor the work queue handed out; anything else is invalid input naming the cursor. */
    public static Cursor queueCursor(String text) {
        return Cursor.decode(text, AuthorizationCaseRepository.QUEUE, 3);
    }

    public Optional<UUID> nextCaseId(UUID id) {
        return cases.nextCaseId(id);
    }

    /**
     * Staff mark an item met or not, and link the referral's documents that show it; {@code evidenceDocumentIds} null
     * keeps the item's links. An item the catalogue marks as needing evidence is met only with a document linked.
     */
    @Transactional
    public AuthorizationCase updateRequirement(UUID id, String code, boolean met, String note, List<UUID> evidenceDocumentIds) {
        AuthorizationCase c = cases.lockedById(id);
        Map<UUID, String> types = new LinkedHashMap<>();
        documents.ofReferral(c.referralId()).forEach(d -> types.put(d.documentId(), d.documentType()));
        c.updateRequirement(code, met, note, evidenceDocumentIds, types, now());
        audit.record("UPDATE_REQUIREMENT", c);
        return c;
    }

    /** The documents attached to the case's referral, oldest first (shown with the case, whose read is audited). */
    @Transactional
    public List<ReferralDocument> documentsOf(AuthorizationCase c) {
        return documents.ofReferral(c.referralId());
    }

    @Transactional
    public AuthorizationCase withdraw(UUID id, String reason) {
        InvalidInputException.throwIfAny(RequestRules.withdrawal(reason));
        AuthorizationCase c = cases.lockedById(id);
        c.withdraw(reason.strip(), now());
        audit.record("WITHDRAW", c);
        LOG.infof("Authorization case %s withdrawn", c.id());
        return c;
    }

    private OffsetDateTime now() {
        return Timestamps.now(clock);
    }
}
