package org.botoxclinic.console.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.botoxclinic.console.signin.ConsoleUser;
import org.botoxclinic.console.signin.CurrentUser;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Gives every page what its layout shows: the signed-in user, the navigation of their groups, the current section. */
@RequestScoped
public class Pages {

    @Inject
    CurrentUser currentUser;

    public TemplateInstance page(Template template, Section current) {
        ConsoleUser user = currentUser.get().orElse(null);
        List<Section> nav = user == null ? List.of() : Section.visibleTo(user);
        return template.data("user", user).data("nav", nav).data("current", current);
    }
}
