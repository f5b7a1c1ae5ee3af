package org.botoxclinic.insurance.authorization.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a referral's clinical details already prove a checklist item. The condition is data (a column of
 * the requirement catalogue), so payers' criteria change without a release: terms joined by "and", each one of
 * {@code field >= 15}, {@code field = false}, {@code list.count >= 2} or {@code field present}. A missing value
 * proves nothing.
 */
public final class EvidenceRule {

    private static final Pattern COMPARISON =
            Pattern.compile("^(\\w+)(\\.count)?\\s*(>=|<=|=|!=|>|<)\\s*(\\S+)$");
    private static final Pattern PRESENCE = Pattern.compile("^(\\w+)\\s+present$");

    private EvidenceRule() {
    }

    /** @return true when every term of the condition holds for the details; false for a blank condition */
    public static boolean proves(String condition, Map<String, ?> details) {
        if (condition == null || condition.isBlank() || details == null) {
            return false;
        }
        for (String term : condition.trim().split("\\s+and\\s+")) {
            if (!holds(term.trim(), details)) {
                return false;
            }
        }
        return true;
    }

    /** Throws when a condition cannot be read, so that a typo in the catalogue is reported rather than silently unmet. */
    public static void check(String condition) {
        if (condition == null || condition.isBlank()) {
            return;
        }
        for (String term : condition.trim().split("\\s+and\\s+")) {
            if (!COMPARISON.matcher(term.trim()).matches() && !PRESENCE.matcher(term.trim()).matches()) {
                throw new IllegalArgumentException("unreadable evidence condition: " + term);
            }
        }
    }

    private static boolean holds(String term, Map<String, ?> details) {
        Matcher presence = PRESENCE.matcher(term);
        if (presence.matches()) {
            Object value = details.get(presence.group(1));
            return value != null && !(value instanceof String s && s.isBlank())
                    && !(value instanceof Collection<?> c && c.isEmpty());
        }
        Matcher m = COMPARISON.matcher(term);
        if (!m.matches()) {
            throw new IllegalArgumentException("unreadable evidence condition: " + term);
        }
        Object value = details.get(m.group(1));
        if (m.group(2) != null) {
            value = value instanceof Collection<?> c ? c.stream().distinct().count() : null;
        }
        if (value == null) {
            return false;
        }
        String operator = m.group(3);
        String expected = m.group(4);
        if (value instanceof Boolean b) {
            boolean want = Boolean.parseBoolean(expected.toLowerCase(Locale.ROOT));
            return switch (operator) {
                case "=" -> b == want;
                case "!=" -> b != want;
                default -> false;
            };
        }
        if (value instanceof Number n) {
            int cmp = new BigDecimal(n.toString()).compareTo(new BigDecimal(expected));
            return switch (operator) {
                case ">=" -> cmp >= 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                case "<" -> cmp < 0;
                case "=" -> cmp == 0;
                default -> cmp != 0;
            };
        }
        return switch (operator) {
            case "=" -> value.toString().equalsIgnoreCase(expected);
            case "!=" -> !value.toString().equalsIgnoreCase(expected);
            default -> false;
        };
    }
}
