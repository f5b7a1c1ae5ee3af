package org.botoxclinic.console.signin;

import java.util.Arrays;
import java.util.Set;

/**
 * The person signed in to the console: who (the token's subject, never a name), their groups, and the bearer token
 * the console passes on to the services, which check it themselves.
 */
@io.quarkus.qute.TemplateData
public record ConsoleUser(String subject, Set<String> groups, String token) {

    public boolean inAnyOf(Set<String> wanted) {
        return wanted.stream().anyMatch(groups::contains);
    }

    public String authorization() {
        return "Bearer " + token;
    }

    /** The groups as the page header shows them, in a stable order. */
    public String groupList() {
        String[] sorted = groups.toArray(String[]::new);
        Arrays.sort(sorted);
        return String.join(", ", sorted);
    }
}
