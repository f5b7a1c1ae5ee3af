package org.botoxclinic.referral.referral;

/** Lets tests of other features start from the same valid referral. */
public final class ReferralFixturesAccess {

    private ReferralFixturesAccess() {
    }

    public static String body(String externalId) {
        return ReferralFixtures.body(externalId).toString();
    }

    /** The same referral as a tree, to change before sending. */
    public static com.fasterxml.jackson.databind.node.ObjectNode node(String externalId) {
        return ReferralFixtures.body(externalId);
    }
}
