package org.botoxclinic.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, read from the verified bearer token. */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The token's subject, for audit fields; never a patient identifier. */
    public String subject() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    public java.util.Set<String> groups() {
        return token.getGroups() == null ? java.util.Set.of() : token.getGroups();
    }

    public boolean isIn(String group) {
        return token.getGroups() != null && token.getGroups().contains(group);
    }

    /** The calling partner system's id; present only on partner tokens. */
    public Optional<String> partnerId() {
        Object claim = token.getClaim(Roles.PARTNER_ID_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Partners see only their own data; staff groups see everything. */
    public boolean isPartnerOnly() {
        return isIn(Roles.PARTNER) && !isIn(Roles.ADMIN) && !isIn(Roles.INTAKE);
    }
}
