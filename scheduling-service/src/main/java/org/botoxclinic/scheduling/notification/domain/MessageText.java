package org.botoxclinic.scheduling.notification.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * The words of a message to a patient: date, time and place only. No greeting and no name (the message may be read by
 * someone else, or sent to a shared address), no indication, no clinical detail.
 */
public record MessageText(String subject, String body) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** A reminder of the appointment at its slot, with the link that confirms it. */
    public static MessageText reminder(AppointmentSlot slot, String place, String confirmLink) {
        String when = DAY.format(slot.date()) + " at " + TIME.format(slot.startTime());
        return new MessageText("Appointment reminder: " + when,
                "You have an appointment on " + when + ".\n"
                        + "Place: " + place + "\n\n"
                        + "Please confirm that you will come: " + confirmLink + "\n"
                        + "To cancel or change it, please call the clinic.\n");
    }

    /** A recall: the patient can be booked again from the given day. */
    public static MessageText recall(LocalDate from, String place) {
        return new MessageText("Time to book your next appointment",
                "You can be booked for your next appointment from " + DAY.format(from) + ".\n"
                        + "Place: " + place + "\n\n"
                        + "Please call the clinic to book it.\n");
    }

    /** The confirmation page's address for the appointment, carrying its id and token as query parameters. */
    public static String confirmLink(String pageUrl, UUID appointmentId, String token) {
        return pageUrl + (pageUrl.contains("?") ? "&" : "?") + "appointment=" + appointmentId + "&token=" + token;
    }

    /** An SMS carries the same words in one text. */
    public String asSms() {
        return subject + ". " + body.replace("\n\n", "\n").replace('\n', ' ').trim();
    }
}
