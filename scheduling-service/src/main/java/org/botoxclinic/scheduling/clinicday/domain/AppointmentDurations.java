package org.botoxclinic.scheduling.clinicday.domain;

import java.util.Map;

/** Chair time by indication: about 31 migraine injection sites take far longer than a few blepharospasm ones. */
public record AppointmentDurations(Map<String, Integer> minutesByIndication, int defaultMinutes) {

    public int of(String indication) {
        Integer minutes = indication == null ? null : minutesByIndication.get(indication);
        return minutes == null ? defaultMinutes : minutes;
    }
}
