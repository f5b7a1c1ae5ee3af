package org.botoxclinic.platform.inbox;

/**
 * One topic a service consumes, and what it does with each of its event types. A service declares one bean of this
 * type per consumed topic; the events arrive through the service's single inbox channel ({@link InboxChannel}),
 * which hands each record to the routes of its topic.
 */
public interface ConsumedTopic {

    /** The routes built with {@link Inbox#routes(String)}, once, when the bean is created. */
    EventRoutes routes();
}
