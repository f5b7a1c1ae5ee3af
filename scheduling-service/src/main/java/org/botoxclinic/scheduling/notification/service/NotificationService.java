package org.botoxclinic.scheduling.notification.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.scheduling.notification.domain.Notification;
import org.botoxclinic.scheduling.notification.repository.NotificationRepository;

/** Shows the messages owed to a referral's patient and how sending each went. */
@ApplicationScoped
public class NotificationService {

    public static final String RESOURCE = "notification";
    static final String LIST = "notifications";

    private final NotificationRepository notifications;
    private final AuditTrail audit;

    public NotificationService(NotificationRepository notifications, AuditTrail audit) {
        this.notifications = notifications;
        this.audit = audit;
    }

    /** One page of the referral's messages, oldest first. */
    @Transactional
    public Page<Notification> ofReferral(UUID referralId, String cursor, int limit) {
        NotificationRepository.After after = null;
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, LIST, 2);
            after = new NotificationRepository.After(c.time(0), c.uuid(1));
        }
        Page<Notification> page = Page.of(notifications.ofReferral(referralId, after, limit + 1), limit,
                n -> Cursor.of(LIST, n.createdAt(), n.id()));
        audit.recordAll("READ", RESOURCE, page.items().stream()
                .map(n -> new AuditTrail.Disclosed(n.id(), n.referralId())).toList());
        return page;
    }
}
