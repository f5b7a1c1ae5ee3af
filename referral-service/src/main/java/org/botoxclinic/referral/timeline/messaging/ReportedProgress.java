package org.botoxclinic.referral.timeline.messaging;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.platform.inbox.IncomingPayload;
import org.botoxclinic.referral.referral.domain.ReferralProgress;

/**
 * What every event the closed loop reads comes down to: which referral, what progress, when, and the line the
 * referring PCP reads. Each message reads only the fields it shows and ignores the rest (a tolerant reader); a
 * missing field reads as null in the line, as it always has, but an event naming no referral is malformed.
 */
public interface ReportedProgress extends IncomingPayload {

    UUID referralId();

    ReferralProgress progress();

    /** When it happened in the reporting service; null when the event does not say. */
    OffsetDateTime at();

    String detail();

    /** What a machine reads beside the line (an appointment's time); null when the entry has none. */
    default Map<String, Object> details() {
        return null;
    }

    @Override
    default boolean isComplete() {
        return referralId() != null;
    }
}
