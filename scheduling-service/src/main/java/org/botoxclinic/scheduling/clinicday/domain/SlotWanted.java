package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalTime;

/** What a booking asks of its slot; a null part means any (any time, any chair, any injector). */
public record SlotWanted(LocalTime startTime, String chair, String providerId) {

    public static final SlotWanted ANY = new SlotWanted(null, null, null);

    public boolean isAny() {
        return startTime == null && chair == null && providerId == null;
    }

    /** The same chair and injector wishes at any time. */
    public SlotWanted anyTime() {
        return new SlotWanted(null, chair, providerId);
    }
}
