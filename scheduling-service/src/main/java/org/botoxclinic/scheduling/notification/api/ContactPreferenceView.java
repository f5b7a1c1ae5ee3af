package org.botoxclinic.scheduling.notification.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.scheduling.notification.domain.Channel;
import org.botoxclinic.scheduling.notification.domain.ContactPreference;

/**
 * A patient's contact details and choices, as staff see them: the channel chosen (null: e-mail when there is an
 * address, else SMS), the one messages go by now ({@code effectiveChannel}, null when none can), and the opt-out.
 */
public record ContactPreferenceView(UUID patientId, String phone, String email, Channel channel, Channel effectiveChannel,
                                    boolean optedOut, OffsetDateTime optedOutAt, OffsetDateTime updatedAt) {

    public static ContactPreferenceView of(ContactPreference p) {
        return new ContactPreferenceView(p.contactKey(), p.phone(), p.email(), p.channel(),
                p.optedOut() ? null : p.recipient().channel(), p.optedOut(), p.optedOutAt(), p.updatedAt());
    }
}
