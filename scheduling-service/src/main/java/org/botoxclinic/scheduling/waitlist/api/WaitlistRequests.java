package org.botoxclinic.scheduling.waitlist.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What schedulers send to put a referral on the waitlist and take it off. */
public final class WaitlistRequests {

    private WaitlistRequests() {
    }

    public record Join(@NotNull UUID referralId, @NotNull LocalDate earliestDate, @NotNull LocalDate latestDate) {
    }

    public record Withdraw(@Size(max = 500) String reason) {
    }
}
