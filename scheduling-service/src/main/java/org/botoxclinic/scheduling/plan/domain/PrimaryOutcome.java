package org.botoxclinic.scheduling.plan.domain;

import java.time.LocalDate;

/** A plan's most recent outcome on its indication's primary measure, with its change from the baseline. */
public record PrimaryOutcome(LocalDate assessedOn, ChangeFromBaseline change) {
}
