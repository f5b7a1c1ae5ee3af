package org.botoxclinic.scheduling.clinicday.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
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
        lines.add("METHOD:PUBLISH");
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
     * The zone's observances around the day: each offset change from a year before to a year after it, as its own
     * STANDARD or DAYLIGHT component; a zone without changes gets one STANDARD with its fixed offset.
     */
    private static void timeZone(List<String> lines, ZoneId zone, LocalDate date) {
        ZoneRules rules = zone.getRules();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        Instant from = date.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = date.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ZoneOffsetTransition t = rules.previousTransition(from.plusSeconds(1));
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        if (t != null) {
            transitions.add(t);
        }
        for (ZoneOffsetTransition n = rules.nextTransition(from); n != null && n.getInstant().isBefore(to);
             n = rules.nextTransition(n.getInstant())) {
            if (!transitions.contains(n)) {
                transitions.add(n);
            }
        }
        if (transitions.isEmpty()) {
            ZoneOffset offset = rules.getOffset(from);
            lines.add("BEGIN:STANDARD");
            lines.add("DTSTART:19700101T000000");
            lines.add("TZOFFSETFROM:" + offset(offset));
            lines.add("TZOFFSETTO:" + offset(offset));
            lines.add("END:STANDARD");
        }
        for (ZoneOffsetTransition n : transitions) {
            boolean daylight = rules.isDaylightSavings(n.getInstant());
            String kind = daylight ? "DAYLIGHT" : "STANDARD";
            lines.add("BEGIN:" + kind);
            lines.add("DTSTART:" + LOCAL.format(LocalDateTime.ofInstant(n.getInstant(), n.getOffsetBefore())));
            lines.add("TZOFFSETFROM:" + offset(n.getOffsetBefore()));
            lines.add("TZOFFSETTO:" + offset(n.getOffsetAfter()));
            lines.add("TZNAME:" + text(TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.SHORT, Locale.US)));
            lines.add("END:" + kind);
        }
        lines.add("END:VTIMEZONE");
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
