package org.botoxclinic.insurance.authorization.domain;

/** Why a reauthorization case opens: the approved visits are used, or the window ends soon while treatment goes on. */
public enum ReauthorizationReason {
    VISITS_USED_UP, WINDOW_ENDING
}
