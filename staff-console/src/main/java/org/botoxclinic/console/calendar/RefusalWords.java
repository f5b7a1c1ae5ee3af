package org.botoxclinic.console.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.botoxclinic.console.upstream.Problem;
import org.botoxclinic.console.upstream.UpstreamRefusal;

/** scheduling-service's refusal codes as one sentence a scheduler understands, with the facts the service gave. */
final class RefusalWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private RefusalWords() {
    }

    static String sentence(UpstreamRefusal refusal) {
        Problem problem = refusal.problem();
        String code = problem.code() == null ? "" : problem.code();
        return switch (code) {
            case "SLOT_UNAVAILABLE" -> problem.factList("nearestFreeTimes").isEmpty()
                    ? "This time is taken, and no other time that day is free for this treatment."
                    : "This time is taken. Nearest free times: " + String.join(", ", problem.factList("nearestFreeTimes")) + ".";
            case "CLINIC_DAY_FULL" -> "The day is full: no chair and injector are free together for this treatment.";
            case "TOO_SOON" -> "Too soon after the last treatment" + lastTreatment(problem)
                    + ": the next allowed date is " + day(problem.fact("earliestDate")) + ".";
            case "OUTSIDE_AUTHORIZATION_WINDOW" -> "Outside the authorization's dates: choose a day the insurer approved.";
            case "NO_VISITS_LEFT" -> "No visits left on the authorization.";
            case "NOT_AUTHORIZED" -> "There is no approved authorization for this referral yet.";
            case "NOT_A_CLINIC_DAY" -> "That date is not an open clinic day: choose one from the calendar or add it first.";
            case "ALREADY_BOOKED" -> "This referral already has an appointment: reschedule that one instead.";
            case "CLINIC_DAY_EXISTS" -> "That date is already an open clinic day.";
            case "BEFORE_APPOINTMENT_DATE" -> "Not yet: this can only be done on the appointment's day ("
                    + day(problem.fact("date")) + ") or later.";
            case "DOSE_LIMIT_EXCEEDED" -> "That is more than the patient may have within 84 days: at most "
                    + problem.fact("unitsAllowed") + " units are allowed on this date.";
            case "CAPACITY_BELOW_BOOKINGS" -> "The capacity cannot be less than the minutes already booked.";
            case "ILLEGAL_TRANSITION" -> "This appointment is already " + status(problem.currentStatus())
                    + ", so this can no longer be done. Reload the page to see where it stands.";
            default -> problem.summary();
        };
    }

    private static String lastTreatment(Problem problem) {
        String last = problem.fact("lastTreatmentDate");
        return last == null ? "" : " (" + day(last) + ")";
    }


    private static String status(String code) {
        if (code == null) {
            return "changed";
        }
        return switch (code) {
            case "CHECKED_IN" -> "checked in";
            case "FULFILLED" -> "completed";
            case "NOSHOW" -> "marked a no-show";
            default -> code.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** An ISO date as "Wednesday 20 January 2027" (or as given when it is not one). */
    static String day(String iso) {
        if (iso == null) {
            return "a later date";
        }
        try {
            return LocalDate.parse(iso).format(DAY);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
