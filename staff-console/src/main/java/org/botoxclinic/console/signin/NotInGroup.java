package org.botoxclinic.console.signin;

import java.util.Set;
import java.util.TreeSet;

/** The signed-in user is in none of the groups a page is for. */
public class NotInGroup extends RuntimeException {
    private final Set<String> groups;

    public NotInGroup(Set<String> groups) {
        super("not in " + groups, null, false, false);
        this.groups = new TreeSet<>(groups);
    }

    public Set<String> groups() {
        return groups;
    }
}
