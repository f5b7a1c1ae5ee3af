package org.botoxclinic.console.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.qute.TemplateExtension;

/** How codes and instants read on a page: {@code CHRONIC_MIGRAINE} as "Chronic migraine". */
@TemplateExtension
public class Words {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Words() {
    }

    static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String spaced = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A service's instant in the clinic's time zone, to the minute. */
    static String local(OffsetDateTime at) {
        String zone = ConfigProvider.getConfig().getOptionalValue("clinic.time-zone", String.class).orElse("America/New_York");
        return at == null ? "" : at.atZoneSameInstant(ZoneId.of(zone)).format(DAY_TIME);
    }

    /** A JSON field name as words: {@code headacheDaysPerMonth} as "Headache days per month". */
    static String camelWords(String key) {
        if (key == null || key.isBlank()) {
            return "";
        }
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A value for a query string (a cursor, say). */
    static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
