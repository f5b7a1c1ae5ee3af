package org.botoxclinic.referral.referral;

/** Lets tests of other features start from the same valid referral. */
public final class ReferralFixturesAccess {

    private ReferralFixturesAccess() {
    }

    public static String body(String externalId) {
        return ReferralFixtures.body(externalId).toString();
    }
}
