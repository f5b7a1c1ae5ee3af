package org.botoxclinic.insurance.authorization.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.service.AuthorizationCaseService;
import org.botoxclinic.insurance.authorization.service.PatientMergeService;
import org.botoxclinic.insurance.document.service.ReferralDocumentService;
import org.botoxclinic.platform.inbox.ConsumedTopic;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.platform.time.Timestamps;

/**
 * Opens a case for each accepted referral and closes the open ones of a cancelled referral, keeps the metadata of the
 * referrals' documents, and follows patient merges; once per event.
 */
@ApplicationScoped
public class ReferralEventsConsumer implements ConsumedTopic {

    /** ce_type of referral-service's DocumentAttached (contract of issue 12). */
    static final String DOCUMENT_ATTACHED = EventTypes.DOCUMENT_ATTACHED;
    /** ce_type of referral-service's PatientMerged (contract of issue 12); keyed by the surviving patient id. */
    static final String PATIENT_MERGED = EventTypes.PATIENT_MERGED;

    private final EventRoutes routes;

    public ReferralEventsConsumer(Inbox inbox, AuthorizationCaseService cases, ReferralDocumentService documents,
                                  PatientMergeService merges, Clock clock) {
        this.routes = inbox.routes("referral-events")
                .on(EventTypes.REFERRAL_ACCEPTED, ReferralAcceptedMessage.class,
                        (message, event) -> cases.open(message.toDomain()))
                .on(EventTypes.REFERRAL_CANCELLED, ReferralCancelledMessage.class,
                        (message, event) -> cases.cancelReferral(message.referralId(), message.reasonOrDefault()))
                .on(DOCUMENT_ATTACHED, DocumentAttachedMessage.class,
                        (message, event) -> documents.attach(message.toDomain(Timestamps.now(clock))))
                .on(PATIENT_MERGED, PatientMergedMessage.class,
                        (message, event) -> merges.merge(message.mergedPatientId(), message.patientId(),
                                message.movedReferrals(), message.mergedAt()))
                .build();
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }
}
