package org.botoxclinic.referral.timeline.messaging;

import java.time.Clock;
import java.util.Optional;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.events.MalformedEventException;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.service.ReferralDesk;
import org.botoxclinic.referral.timeline.service.Timeline;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Closes the loop: what insurance and scheduling report lands on the referral's timeline, once per event. */
@ApplicationScoped
public class ClosedLoopConsumer {

    private static final Logger LOG = Logger.getLogger(ClosedLoopConsumer.class);

    private final Inbox inbox;
    private final EventJson json;
    private final ReferralDesk referrals;
    private final Timeline timeline;
    private final Clock clock;

    public ClosedLoopConsumer(Inbox inbox, EventJson json, ReferralDesk referrals, Timeline timeline, Clock clock) {
        this.inbox = inbox;
        this.json = json;
        this.referrals = referrals;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Incoming("authorization-events")
    @Blocking
    public void onAuthorizationEvent(ConsumerRecord<String, String> record) {
        inbox.process(record, this::apply);
    }

    @Incoming("scheduling-events")
    @Blocking
    public void onSchedulingEvent(ConsumerRecord<String, String> record) {
        inbox.process(record, this::apply);
    }

    private void apply(IncomingEvent event) {
        ReportedEvent reported = json.read(event, ReportedEvent.class);
        Optional<ReportedEntries.Entry> entry = ReportedEntries.of(event.type(), reported);
        if (entry.isEmpty()) {
            return;
        }
        if (reported.referralId() == null) {
            throw new MalformedEventException(event.type() + " " + event.id() + " names no referral");
        }
        Optional<Referral> referral = referrals.find(reported.referralId());
        if (referral.isEmpty()) {
            LOG.warnf("%s %s is about referral %s, which this service does not know", event.type(), event.id(),
                    reported.referralId());
            return;
        }
        ReportedEntries.Entry e = entry.get();
        timeline.recordFromEvent(referral.get(), e.type(), e.detail(), e.at() != null ? e.at() : Timestamps.now(clock),
                event.id());
    }
}
