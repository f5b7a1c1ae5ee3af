package org.botoxclinic.console.authorizations;

import java.util.Map;

import io.quarkus.qute.TemplateData;

/**
 * The state of the one form on a case's page that the service refused: which form ({@code submit}, {@code decision},
 * {@code appeal}, {@code withdraw} or {@code requirement:<code>}), the refusal in words, the messages by field, and
 * what the person typed (kept in the form). {@link #NONE} when nothing was refused.
 */
@TemplateData
public record CaseForm(String form, String alert, Map<String, String> errors, Map<String, String> typed) {

    public static final CaseForm NONE = new CaseForm("", null, Map.of(), Map.of());

    public boolean is(String which) {
        return form.equals(which);
    }

    /** The refusal's sentence when it belongs to {@code which}. */
    public String alertFor(String which) {
        return is(which) ? alert : null;
    }

    public String error(String which, String field) {
        return is(which) ? errors.get(field) : null;
    }

    public String value(String which, String field) {
        String value = is(which) ? typed.get(field) : null;
        return value == null ? "" : value;
    }

    public boolean checked(String which, String field) {
        return is(which) && typed.containsKey(field) && !"false".equals(typed.get(field));
    }

    /** Whether the refused form was the checklist item {@code code}'s. */
    public boolean isItem(String code) {
        return is("requirement:" + code);
    }

    public String itemAlert(String code) {
        return isItem(code) ? alert : null;
    }

    public String itemError(String code, String field) {
        return isItem(code) ? errors.get(field) : null;
    }

    /** The item's "met" box: as the person left it when refused, else as the service holds it. */
    public boolean itemMet(String code, boolean stored) {
        return isItem(code) ? "true".equals(typed.get("met")) : stored;
    }

    public String itemNote(String code, String stored) {
        return isItem(code) ? typed.getOrDefault("note", "") : (stored == null ? "" : stored);
    }

    public boolean itemLinked(String code, java.util.UUID document, boolean stored) {
        return isItem(code) ? java.util.List.of(typed.getOrDefault("evidence", "").split(",")).contains(document.toString()) : stored;
    }

    /** Whether the refused form is still on the case's page as it is now (a stale page's action may not be). */
    public boolean shownOn(org.botoxclinic.console.insurance.AuthorizationCase c) {
        if (form.startsWith("requirement:")) {
            return c.checklistEditable() && c.requirement(form.substring("requirement:".length())) != null;
        }
        return switch (form) {
            case "submit" -> c.submittable();
            case "decision" -> c.awaitingDecision();
            case "appeal" -> c.appealable();
            case "withdraw" -> c.withdrawable();
            default -> false;
        };
    }
}
