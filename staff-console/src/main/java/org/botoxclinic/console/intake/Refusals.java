package org.botoxclinic.console.intake;

import java.util.HashMap;
import java.util.Map;

import org.botoxclinic.console.upstream.Problem;
import org.botoxclinic.console.upstream.UpstreamRefusal;

import io.quarkus.qute.TemplateData;

/**
 * A refusal of one of a referral's forms, in words a clinic worker understands: the messages by the field they are
 * about (shown next to it), or a sentence about the referral's state (shown next to the form), and what the person
 * typed, so the form keeps it. {@link #NONE} when nothing was refused.
 */
@TemplateData
public record Refusals(String form, Map<String, String> fields, String alert, Map<String, String> typed) {

    public static final Refusals NONE = new Refusals(null, Map.of(), null, Map.of());

    /** The message about {@code field} of {@code form}, or null. */
    public String error(String form, String field) {
        return form.equals(this.form) ? fields.get(field) : null;
    }

    /** The sentence about {@code form}'s refusal that no field explains, or null. */
    public String alertFor(String form) {
        return form.equals(this.form) ? alert : null;
    }

    /** What the person typed into {@code field} of {@code form} before the refusal ("" otherwise). */
    public String value(String form, String field) {
        return form.equals(this.form) ? typed.getOrDefault(field, "") : "";
    }

    /** Whether any refusal is about the referral's state rather than a field (shown above the actions). */
    public boolean hasAlert() {
        return alert != null;
    }

    /** The refusal of {@code form} ("accept", "decline", "request-info", "cancel", "upload"), put into words. */
    static Refusals of(String form, UpstreamRefusal refusal, Map<String, String> typed) {
        Problem problem = refusal.problem();
        Map<String, String> fields = new HashMap<>();
        for (Problem.Violation violation : problem.violationList()) {
            if (violation.field() != null) {
                String field = violation.field().substring(violation.field().lastIndexOf('.') + 1);
                fields.putIfAbsent(field, fieldMessage(field, violation.message()));
            }
        }
        String code = problem.code() == null ? "" : problem.code();
        switch (code) {
            case "DOCUMENT_TOO_LARGE" -> fields.putIfAbsent("file",
                    "This file is larger than referral-service accepts. " + problem.summary());
            case "UNSUPPORTED_DOCUMENT_CONTENT" -> fields.putIfAbsent("file",
                    "This file is not a PDF, PNG or JPEG image, C-CDA XML or plain text document, so it cannot be added.");
            default -> {
            }
        }
        String alert = fields.isEmpty() ? stateMessage(form, code, problem) : null;
        return new Refusals(form, fields, alert, typed);
    }

    private static String fieldMessage(String field, String message) {
        if (message == null || message.isBlank()) {
            return "Please check this field.";
        }
        return switch (message) {
            case "must not be blank", "must not be null" -> switch (field) {
                case "reason" -> "Give the reason: the referring practice is told it.";
                case "question" -> "Write the question the referring practice should answer.";
                default -> "This is required.";
            };
            case "is required" -> "type".equals(field) ? "Choose what kind of document this is." : "Choose a file to add.";
            case "is empty" -> "This file is empty.";
            default -> Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
        };
    }

    private static String stateMessage(String form, String code, Problem problem) {
        if ("ILLEGAL_TRANSITION".equals(code)) {
            String now = problem.currentStatus() == null ? "in another state" : "now " + statusWords(problem.currentStatus());
            return "This referral is " + now + " (it changed after this page was loaded), so it cannot be "
                    + verb(form) + ". The page shows the referral as it is now.";
        }
        return "referral-service refused this: " + problem.summary();
    }

    private static String verb(String form) {
        return switch (form) {
            case "accept" -> "accepted";
            case "decline" -> "declined";
            case "request-info" -> "sent a question";
            case "cancel" -> "cancelled";
            default -> "changed";
        };
    }

    static String statusWords(String status) {
        return switch (status) {
            case "RECEIVED" -> "waiting for intake";
            case "INFO_REQUESTED" -> "waiting for the practice's answer";
            case "ACCEPTED" -> "accepted";
            case "DECLINED" -> "declined";
            case "CANCELLED" -> "cancelled";
            default -> status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
