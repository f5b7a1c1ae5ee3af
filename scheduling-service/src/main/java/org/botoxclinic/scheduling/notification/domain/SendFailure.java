package org.botoxclinic.scheduling.notification.domain;

import java.util.regex.Pattern;

/**
 * Why an attempt to send failed, in words safe to store and show: a mail server or gateway may quote the recipient in
 * its error ("550 <someone@example.org>: unknown user"), so addresses and runs of seven or more digits (phone numbers) are blanked; an SMTP reply code stays.
 */
public final class SendFailure {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d[\\d\\s().-]{5,}\\d");
    private static final int MAX_LENGTH = 300;

    private SendFailure() {
    }

    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return redact(cause.getClass().getSimpleName() + message);
    }

    public static String redact(String text) {
        String safe = DIGITS.matcher(ADDRESS.matcher(text).replaceAll("<recipient>"))
                .replaceAll(run -> run.group().chars().filter(Character::isDigit).count() >= 7 ? "<number>"
                        : java.util.regex.Matcher.quoteReplacement(run.group()));
        return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) : safe;
    }
}
