package org.botoxclinic.platform.inbox;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.quarkus.arc.All;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.botoxclinic.platform.health.ConsumerPartitions;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The service's one Kafka consumer: a single channel ({@value #NAME}) subscribed to every topic the service consumes
 * ({@code mp.messaging.incoming.inbox.topics}), handing each record to its topic's routes. One consumer instead of
 * one per topic is one client, one login, one heartbeat and one poll loop less per topic; the records of each
 * partition still arrive in order. The subscription and the service's {@link ConsumedTopic} beans must name the same
 * topics, or the service refuses to start: a topic read without routes would park every event, and routes without
 * the topic would never see one.
 */
@ApplicationScoped
public class InboxChannel {

    public static final String NAME = "inbox";

    private final Inbox inbox;

    /** {@code consumed}: injecting them creates them, and so registers their routes with the inbox. */
    public InboxChannel(Inbox inbox, @All List<ConsumedTopic> consumed, Config config) {
        this.inbox = inbox;
        Set<String> subscribed = ConsumerPartitions.topicsOf(config, NAME);
        Set<String> routed = consumed.stream().map(topic -> topic.routes().topic())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!subscribed.equals(routed)) {
            throw new IllegalStateException("mp.messaging.incoming." + NAME + ".topics names " + subscribed
                    + " but the service has routes for " + routed + "; they must be the same topics");
        }
    }

    @Incoming(NAME)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, inbox.routesOf(record.topic()).orElseThrow());
    }
}
