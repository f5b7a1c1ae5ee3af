package org.botoxclinic.referral.timeline.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.domain.ReferralProgress;
import org.botoxclinic.referral.referral.service.ReferralChanged;
import org.botoxclinic.referral.referral.service.ReferralService;
import org.botoxclinic.referral.timeline.domain.ConsultReport;
import org.botoxclinic.referral.timeline.domain.TimelineEntry;
import org.botoxclinic.referral.timeline.domain.TimelineType;
import org.botoxclinic.referral.timeline.repository.TimelineEntryRepository;
import org.jboss.logging.Logger;

/**
 * The closed loop: writes down everything that happens to a referral, its own changes at intake and what the
 * other services report, each in the transaction of the change, and announces every new entry.
 */
@ApplicationScoped
public class TimelineService {

    private static final Logger LOG = Logger.getLogger(TimelineService.class);

    private final TimelineEntryRepository entries;
    private final ReferralService referrals;
    private final Event<TimelineEntryAdded> added;
    private final Clock clock;

    public TimelineService(TimelineEntryRepository entries, ReferralService referrals, Event<TimelineEntryAdded> added,
                           Clock clock) {
        this.entries = entries;
        this.referrals = referrals;
        this.added = added;
        this.clock = clock;
    }

    /** Changes at intake, announced by the referral's use case in its transaction: one entry each, in order. */
    void onReferralChanged(@Observes ReferralChanged change) {
        List<TimelineEntry> added = new ArrayList<>(change.steps().size());
        for (ReferralChanged.Step step : change.steps()) {
            added.add(entry(change.referral(), typeOf(step.change()), step.detail(), null, step.at(), null));
        }
        announce(change.referral(), added);
    }

    /**
     * Progress another service reported in an event: the referral notes it (its stage may move), then it becomes
     * an entry. The event's id keeps a redelivery from adding it twice.
     *
     * @param at when it happened, as the event says; when the event does not say, now
     */
    @Transactional
    public void reported(UUID referralId, ReferralProgress progress, String detail, OffsetDateTime at, UUID eventId) {
        reported(referralId, progress, detail, null, at, eventId);
    }

    /** Reported progress with the figures a machine reads beside the line (an appointment's time); details may be null. */
    @Transactional
    public void reported(UUID referralId, ReferralProgress progress, String detail, Map<String, Object> details,
                         OffsetDateTime at, UUID eventId) {
        record(referralId, progress, detail, details, at, eventId, null);
    }

    /**
     * A treatment scheduling-service reported: its entry, then the consult report the referring PCP receives for it
     * (a second entry from the same event, so that the PCP's system can tell the report from the status).
     */
    @Transactional
    public void treated(UUID referralId, String detail, OffsetDateTime at, UUID eventId, ConsultReport report) {
        record(referralId, ReferralProgress.TREATMENT_COMPLETED, detail, null, at, eventId, report);
    }

    private void record(UUID referralId, ReferralProgress progress, String detail, Map<String, Object> details,
                        OffsetDateTime at, UUID eventId, ConsultReport report) {
        OffsetDateTime happened = at != null ? at : Timestamps.now(clock);
        Optional<Referral> referral = referrals.noteProgress(referralId, progress, happened);
        if (referral.isEmpty()) {
            LOG.warnf("Event %s reports %s for referral %s, which this service does not know", eventId, progress, referralId);
            return;
        }
        List<TimelineEntry> added = new ArrayList<>(2);
        added.add(entry(referral.get(), TimelineType.of(progress), detail, details, happened, eventId));
        if (report != null) {
            added.add(entry(referral.get(), TimelineType.CONSULT_REPORT, report.detail(), report.details(), happened, eventId));
        }
        announce(referral.get(), added);
        // Written here, so that a redelivered event meets the unique event id inside this use case.
        entries.flush();
    }

    /**
     * An entry a feature built on the referral adds in its own use case's transaction (a document attached), with the
     * figures a machine reads beside the line a person reads; announced like every entry.
     */
    public TimelineEntry note(Referral referral, TimelineType type, String detail, Map<String, Object> details,
                              OffsetDateTime at) {
        TimelineEntry entry = entry(referral, type, detail, details, at, null);
        announce(referral, List.of(entry));
        return entry;
    }

    /** A referral's entries in the order they happened; bounded by the one referral. */
    public List<TimelineEntry> entries(UUID referralId) {
        return entries.ofReferral(referralId);
    }

    private static TimelineType typeOf(ReferralChanged.Change change) {
        return switch (change) {
            case RECEIVED -> TimelineType.RECEIVED;
            case TRIAGED -> TimelineType.TRIAGED;
            case INFO_REQUESTED -> TimelineType.INFO_REQUESTED;
            case INFO_PROVIDED -> TimelineType.INFO_PROVIDED;
            case ACCEPTED -> TimelineType.ACCEPTED;
            case DECLINED -> TimelineType.DECLINED;
            case CANCELLED -> TimelineType.CANCELLED;
        };
    }

    /**
     * A new entry, persisted: its id comes from the sequence at once, and it is written with the transaction's next
     * flush, batched with the entries and changes beside it (nothing here needs it written earlier).
     */
    private TimelineEntry entry(Referral referral, TimelineType type, String detail, Map<String, Object> details,
                                OffsetDateTime at, UUID eventId) {
        TimelineEntry entry = new TimelineEntry(referral.id(), Timestamps.utc(at), type, detail, details, eventId,
                Timestamps.now(clock));
        entries.persist(entry);
        return entry;
    }

    private void announce(Referral referral, List<TimelineEntry> entries) {
        added.fire(new TimelineEntryAdded(referral, entries));
    }
}
