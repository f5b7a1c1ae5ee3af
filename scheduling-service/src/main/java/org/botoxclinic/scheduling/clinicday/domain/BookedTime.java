package org.botoxclinic.scheduling.clinicday.domain;

/** The chair time taken on one clinic day: minutes held by appointments, and how many appointments hold them. */
public record BookedTime(int minutes, int appointments) {

    public static final BookedTime NONE = new BookedTime(0, 0);
}
