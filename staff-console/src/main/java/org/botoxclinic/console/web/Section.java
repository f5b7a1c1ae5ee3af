package org.botoxclinic.console.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.botoxclinic.console.signin.ConsoleUser;

/**
 * The console's sections, each for the groups whose work it is (the same groups the services check on the endpoints
 * the section calls). Navigation shows a user only the sections of their groups.
 */
@io.quarkus.qute.TemplateData
public enum Section {
    INTAKE("Intake", "/intake", Set.of("intake", "admin")),
    AUTHORIZATIONS("Authorizations", "/authorizations", Set.of("authorizations", "admin")),
    SCHEDULING("Scheduling", "/scheduling", Set.of("scheduler", "admin"));

    private final String title;
    private final String path;
    private final Set<String> groups;

    Section(String title, String path, Set<String> groups) {
        this.title = title;
        this.path = path;
        this.groups = groups;
    }

    public String title() {
        return title;
    }

    public String path() {
        return path;
    }

    public Set<String> groups() {
        return groups;
    }

    public static List<Section> visibleTo(ConsoleUser user) {
        return Arrays.stream(values()).filter(section -> user.inAnyOf(section.groups)).toList();
    }
}
