package org.botoxclinic.scheduling.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.notification.domain.Channel;
import org.botoxclinic.scheduling.notification.domain.ContactPreference;
import org.botoxclinic.scheduling.notification.domain.Notification;
import org.botoxclinic.scheduling.notification.repository.ContactPreferenceRepository;
import org.botoxclinic.scheduling.notification.repository.NotificationRepository;
import org.botoxclinic.scheduling.plan.service.PatientContactReceived;
import org.botoxclinic.scheduling.plan.service.PatientsMerged;
import org.jboss.logging.Logger;

/**
 * Patients' contact details (from accepted referrals) and their choices (channel, opt-out), as staff record them. An
 * opt-out withdraws every message still queued for the patient.
 */
@ApplicationScoped
public class ContactPreferenceService {

    private static final Logger LOG = Logger.getLogger(ContactPreferenceService.class);
    public static final String RESOURCE = "contact-preference";

    private final ContactPreferenceRepository preferences;
    private final NotificationRepository notifications;
    private final AuditTrail audit;
    private final Clock clock;

    public ContactPreferenceService(ContactPreferenceRepository preferences, NotificationRepository notifications,
                                    AuditTrail audit, Clock clock) {
        this.preferences = preferences;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ContactPreference get(UUID patientId) {
        ContactPreference found = preferences.findByIdOptional(patientId)
                .orElseThrow(() -> new NotFoundException("contact preferences of patient", patientId));
        audit.record("READ", RESOURCE, patientId, null);
        return found;
    }

    /** Records the patient's choice; opting out withdraws what is queued for them. */
    @Transactional
    public ContactPreference choose(UUID patientId, Channel channel, boolean optedOut, String by) {
        OffsetDateTime now = Timestamps.now(clock);
        ContactPreference preference = preferences.lockedOrCreated(patientId, now);
        preference.choose(channel, optedOut, by, now);
        int withdrawn = optedOut ? notifications.suppressQueuedForContact(patientId, Notification.OPTED_OUT, now) : 0;
        audit.record("UPDATE", RESOURCE, patientId, null);
        LOG.infof("Preferences %s set: channel %s%s, %d queued messages withdrawn", patientId, channel,
                optedOut ? ", opted out" : "", withdrawn);
        return preference;
    }

    /** An accepted referral brought the patient's phone and email: kept for the patient (or the plan without one). */
    void onContactReceived(@Observes PatientContactReceived received) {
        UUID key = received.patientId() != null ? received.patientId() : received.referralId();
        OffsetDateTime now = Timestamps.now(clock);
        preferences.lockedOrCreated(key, now).contactDetails(received.phone(), received.email(), now);
    }

    /** Two patients became one: the merged patient's details and choices join the survivor's (an opt-out stands). */
    void onPatientsMerged(@Observes PatientsMerged merged) {
        ContactPreference gone = preferences.findByIdOptional(merged.mergedPatientId()).orElse(null);
        if (gone == null) {
            return;
        }
        OffsetDateTime now = Timestamps.now(clock);
        ContactPreference survivor = preferences.lockedOrCreated(merged.patientId(), now);
        survivor.absorb(gone, now);
        preferences.delete(gone);
        if (survivor.optedOut()) {
            notifications.suppressQueuedForContact(merged.patientId(), Notification.OPTED_OUT, now);
        }
        LOG.infof("Preferences %s merged into %s", merged.mergedPatientId(), merged.patientId());
    }
}
