package org.botoxclinic.console.calendar;

import java.util.HashMap;
import java.util.Map;

import org.botoxclinic.console.upstream.Problem;
import org.botoxclinic.console.upstream.UpstreamRefusal;

/** Which refusals a scheduling page shows in place (400, 409, 422) and which field each message is about. */
final class Refusals {

    private Refusals() {
    }

    static boolean shownInPlace(UpstreamRefusal refusal) {
        return refusal.status() == 400 || refusal.status() == 409 || refusal.status() == 422;
    }

    /** The messages about the form's own fields (the service names the body field, e.g. "book.request.date"). */
    static Map<String, String> fieldMessages(Problem problem, String... fields) {
        Map<String, String> messages = new HashMap<>();
        for (String field : fields) {
            problem.messageFor(field).ifPresent(message -> messages.put(field, message));
        }
        return messages;
    }
}
