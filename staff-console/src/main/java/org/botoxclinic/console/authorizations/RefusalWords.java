package org.botoxclinic.console.authorizations;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.botoxclinic.console.insurance.AuthorizationCase;
import org.botoxclinic.console.upstream.Problem;

/** insurance-service's refusals of an action on a case, in words an authorization specialist understands. */
final class RefusalWords {

    /** The form fields' labels, to make the service's field messages sentences. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("channel", "How it was sent"),
            Map.entry("payerReference", "Payer's reference"),
            Map.entry("overrideReason", "Reason for the override"),
            Map.entry("submittedAt", "Date and time"),
            Map.entry("outcome", "Payer's decision"),
            Map.entry("authorizationNumber", "Authorization number"),
            Map.entry("approvedUnits", "Units approved"),
            Map.entry("approvedVisits", "Visits approved"),
            Map.entry("validFrom", "Valid from"),
            Map.entry("validTo", "Valid to"),
            Map.entry("denialReason", "Denial reason"),
            Map.entry("payerNote", "Payer's note"),
            Map.entry("reason", "Reason"),
            Map.entry("note", "Note"),
            Map.entry("met", "Met"),
            Map.entry("evidenceDocumentIds", "Evidence"));

    private RefusalWords() {
    }

    /** The refusal as one sentence next to the form {@code form} (see {@link CaseForm}). */
    static String sentence(Problem problem, AuthorizationCase c, String form, int status) {
        String code = problem.code() == null ? "" : problem.code();
        AuthorizationCase.Requirement item = form.startsWith("requirement:") && c != null
                ? c.requirement(form.substring("requirement:".length())) : null;
        String accepted = item == null ? "" : item.acceptedTypesInWords();
        return switch (code) {
            case "REQUIREMENTS_UNMET" -> "Not submitted: the payer's checklist is not complete. Still needed: "
                    + (c == null || c.unmetDescriptions().isEmpty() ? problem.summary() : String.join("; ", c.unmetDescriptions()))
                    + ". Tick these items (with their evidence), or submit with an override and its reason.";
            case "ILLEGAL_TRANSITION" -> "Not possible: this case is now " + lower(problem.currentStatus())
                    + ", so it can no longer be " + action(form) + ". The page shows the case as it is now.";
            case "EVIDENCE_REQUIRED" -> "Not saved: this item can only be ticked with one of the referral's documents linked "
                    + "as evidence" + (accepted.isEmpty() ? "" : " (" + accepted + ")") + ".";
            case "EVIDENCE_TYPE_NOT_ACCEPTED" -> "Not saved: none of the linked documents is of a kind this item accepts"
                    + (accepted.isEmpty() ? "" : "; it needs a " + lower(accepted)) + ".";
            case "EVIDENCE_NOT_ON_REFERRAL" -> "Not saved: a linked document is not one of this referral's documents.";
            default -> status == 400 && !problem.violationList().isEmpty()
                    ? "Not saved: please correct the fields marked below."
                    : problem.summary();
        };
    }

    /** The service's messages by form field, as sentences ("Units approved must be at least 1 for APPROVED"). */
    static Map<String, String> fieldMessages(Problem problem) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (Problem.Violation violation : problem.violationList()) {
            if (violation.field() == null) {
                continue;
            }
            String field = violation.field().substring(violation.field().lastIndexOf('.') + 1);
            String message = violation.message() == null ? "is not valid" : violation.message();
            String label = LABELS.get(field);
            if (label != null && (message.startsWith("is ") || message.startsWith("must ") || message.startsWith("may "))) {
                message = label + " " + message;
            } else if (!message.isEmpty()) {
                message = Character.toUpperCase(message.charAt(0)) + message.substring(1);
            }
            messages.putIfAbsent(field, message);
        }
        return messages;
    }

    private static String action(String form) {
        if (form.startsWith("requirement:")) {
            return "changed on its checklist";
        }
        return switch (form) {
            case "submit" -> "submitted to the payer";
            case "decision" -> "given a decision";
            case "appeal" -> "appealed";
            case "withdraw" -> "withdrawn";
            default -> "changed this way";
        };
    }

    private static String lower(String code) {
        return code == null ? "in another status" : code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
