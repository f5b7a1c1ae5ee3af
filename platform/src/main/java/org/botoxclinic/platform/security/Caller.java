package org.botoxclinic.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.web.Problems;
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

    /** The partner's id, or 403 when a partner token lacks the claim that scopes it. */
    public String requirePartnerId() {
        return partnerId().orElseThrow(() -> Problems.of(Response.Status.FORBIDDEN, "PARTNER_ID_MISSING",
                "a partner token must carry the " + Roles.PARTNER_ID_CLAIM + " claim"));
    }

    /** The partner a partner-only caller is confined to; null for staff, who are not confined. */
    public String partnerScope() {
        return isPartnerOnly() ? requirePartnerId() : null;
    }

    /** Partners see only their own data; staff groups see everything. */
    public boolean isPartnerOnly() {
        return isIn(Roles.PARTNER) && !isIn(Roles.ADMIN) && !isIn(Roles.INTAKE);
    }
}
