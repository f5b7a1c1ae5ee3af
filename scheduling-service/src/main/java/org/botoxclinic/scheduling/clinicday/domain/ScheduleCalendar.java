package org.botoxclinic.scheduling.clinicday.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A clinic day's schedule as an RFC 5545 calendar: one VEVENT per appointment holding time, its start and end in the
 * clinic's time zone (a TZID with its VTIMEZONE), the place, and the chair and injector as RESOURCES. Ids only, no
 * patient details: the summary says neither who nor what is treated.
 */
public final class ScheduleCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_LINE_OCTETS = 75;

    private ScheduleCalendar() {
    }

    /** @param stamp when the calendar is produced (DTSTAMP) */
    public static String write(LocalDate date, List<ScheduleEntry> entries, ZoneId zone, String place, Instant stamp) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//Botox clinic//scheduling-service//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("X-WR-CALNAME:" + text("Clinic day " + date));
        lines.add("X-WR-TIMEZONE:" + zone.getId());
        timeZone(lines, zone, date);
        for (ScheduleEntry e : entries) {
            lines.add("BEGIN:VEVENT");
            lines.add("UID:" + e.appointmentId() + "@scheduling.botoxclinic");
            lines.add("DTSTAMP:" + UTC.format(stamp));
            lines.add("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(date.atTime(e.startTime())));
            lines.add("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(date.atTime(e.startTime())
                    .plusMinutes(e.durationMinutes())));
            lines.add("SUMMARY:" + text("Appointment, " + e.chair() + ", " + e.providerId()));
            lines.add("LOCATION:" + text(place + ", " + e.chair()));
            lines.add("RESOURCES:" + text(e.chair()) + "," + text(e.providerId()));
            lines.add("DESCRIPTION:" + text("Appointment " + e.appointmentId() + " of referral " + e.referralId()
                    + ", " + e.durationMinutes() + " minutes, " + e.status()));
            lines.add("STATUS:CONFIRMED");
            lines.add("TRANSP:OPAQUE");
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            fold(line, out);
        }
        return out.toString();
    }

    /**
     * The zone's observances: where the zone follows yearly rules (daylight saving time), one STANDARD and one DAYLIGHT
     * component each recurring by RRULE from the year before the day; otherwise each offset change from a year before
     * to a year after the day as its own component, or a single STANDARD for a zone that never changes.
     */
    private static void timeZone(List<String> lines, ZoneId zone, LocalDate date) {
        ZoneRules rules = zone.getRules();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        int firstYear = date.getYear() - 1;
        Instant from = LocalDate.of(firstYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ZoneOffsetTransition> fixed = rules.getTransitions();
        boolean yearly = !rules.getTransitionRules().isEmpty()
                && (fixed.isEmpty() || fixed.get(fixed.size() - 1).getInstant().isBefore(from));
        if (yearly) {
            for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
                ZoneOffsetTransition first = rule.createTransition(firstYear);
                boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
                observance(lines, zone, daylight, first.getDateTimeBefore(), first.getOffsetBefore(),
                        first.getOffsetAfter(), recurrence(rule));
            }
        } else {
            Instant to = date.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            List<ZoneOffsetTransition> transitions = new ArrayList<>();
            ZoneOffsetTransition before = rules.previousTransition(from.plusSeconds(1));
            if (before != null) {
                transitions.add(before);
            }
            for (ZoneOffsetTransition n = rules.nextTransition(from); n != null && n.getInstant().isBefore(to);
                 n = rules.nextTransition(n.getInstant())) {
                if (!transitions.contains(n)) {
                    transitions.add(n);
                }
            }
            if (transitions.isEmpty()) {
                ZoneOffset offset = rules.getOffset(from);
                observance(lines, zone, false, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset, null);
            }
            for (ZoneOffsetTransition n : transitions) {
                observance(lines, zone, rules.isDaylightSavings(n.getInstant()), n.getDateTimeBefore(),
                        n.getOffsetBefore(), n.getOffsetAfter(), null);
            }
        }
        lines.add("END:VTIMEZONE");
    }

    private static void observance(List<String> lines, ZoneId zone, boolean daylight, LocalDateTime start,
                                   ZoneOffset from, ZoneOffset to, String rrule) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        lines.add("BEGIN:" + kind);
        lines.add("DTSTART:" + LOCAL.format(start));
        if (rrule != null) {
            lines.add("RRULE:" + rrule);
        }
        lines.add("TZOFFSETFROM:" + offset(from));
        lines.add("TZOFFSETTO:" + offset(to));
        lines.add("TZNAME:" + text(TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.SHORT, Locale.US)));
        lines.add("END:" + kind);
    }

    /**
     * The yearly rule as an RRULE: a fixed day of the month, or a weekday on or after a day (the second Sunday of
     * March is the Sunday among the 8th to the 14th), or on or before a day counted from the month's end.
     */
    private static String recurrence(ZoneOffsetTransitionRule rule) {
        StringBuilder r = new StringBuilder("FREQ=YEARLY;BYMONTH=").append(rule.getMonth().getValue());
        int day = rule.getDayOfMonthIndicator();
        if (rule.getDayOfWeek() == null) {
            return r.append(";BYMONTHDAY=").append(day).toString();
        }
        r.append(";BYDAY=").append(rule.getDayOfWeek().name(), 0, 2).append(";BYMONTHDAY=");
        List<String> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int d = day > 0 ? day + i : day - i;
            if (Math.abs(d) <= 31) {
                days.add(Integer.toString(d));
            }
        }
        return r.append(String.join(",", days)).toString();
    }

    /** An RFC 5545 UTC-OFFSET: +HHMM, or +HHMMSS when it has seconds. */
    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        char sign = total < 0 ? '-' : '+';
        int abs = Math.abs(total);
        String hhmm = String.format(Locale.ROOT, "%c%02d%02d", sign, abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", abs % 60);
    }

    /** TEXT escaping: backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Writes the content line folded at 75 octets (never inside a UTF-8 character), each line ending in CRLF. */
    private static void fold(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_LINE_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
