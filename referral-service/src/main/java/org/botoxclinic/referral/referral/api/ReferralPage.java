package org.botoxclinic.referral.referral.api;

import java.util.List;

/** One page of the work queue and the cursor of the next, null on the last page. */
public record ReferralPage(List<ReferralView> items, String nextCursor) {
}
