package org.botoxclinic.console.intake;

import io.quarkus.qute.TemplateData;

/**
 * The decisions referral-service allows from a referral's status (its status flow: RECEIVED may be accepted,
 * declined, asked about or cancelled; INFO_REQUESTED declined or cancelled while the practice's answer is awaited;
 * ACCEPTED only cancelled; DECLINED and CANCELLED are final). The page offers only these; a stale page still meets
 * the service's 409.
 */
@TemplateData
public record Actions(boolean accept, boolean decline, boolean requestInfo, boolean cancel) {

    public static Actions of(String status) {
        if (status == null) {
            return new Actions(false, false, false, false);
        }
        return switch (status) {
            case "RECEIVED" -> new Actions(true, true, true, true);
            case "INFO_REQUESTED" -> new Actions(false, true, false, true);
            case "ACCEPTED" -> new Actions(false, false, false, true);
            default -> new Actions(false, false, false, false);
        };
    }

    public boolean any() {
        return accept || decline || requestInfo || cancel;
    }
}
