package org.botoxclinic.scheduling.appointment.domain;

import java.util.Map;

/** Why a booking was refused: a stable code for clients, a sentence for people, and any facts to act on. */
public record BookingRefusal(String code, String detail, Map<String, Object> properties) {

    public static final String NOT_AUTHORIZED = "NOT_AUTHORIZED";
    public static final String OUTSIDE_AUTHORIZATION_WINDOW = "OUTSIDE_AUTHORIZATION_WINDOW";
    public static final String NO_VISITS_LEFT = "NO_VISITS_LEFT";
    public static final String TOO_SOON = "TOO_SOON";
    public static final String NOT_A_CLINIC_DAY = "NOT_A_CLINIC_DAY";
    public static final String CLINIC_DAY_FULL = "CLINIC_DAY_FULL";
    public static final String ALREADY_BOOKED = "ALREADY_BOOKED";
    /** A requested start time, chair or injector is taken (409, with nearestFreeTimes); not one of the rules' refusals. */
    public static final String SLOT_UNAVAILABLE = "SLOT_UNAVAILABLE";

    static BookingRefusal of(String code, String detail) {
        return new BookingRefusal(code, detail, Map.of());
    }
}
