package org.botoxclinic.referral.patient.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.referral.patient.service.PatientService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clinic's patients: one identity across referrals, the likely duplicates to review, and merging them. */
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
public class PatientResource {

    private final PatientService patients;

    public PatientResource(PatientService patients) {
        this.patients = patients;
    }

    @GET
    @Path("/possible-duplicates")
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Patients that may be the same person",
            description = "Pairs of live patients born the same day that no deterministic rule matched but that share the "
                    + "member id or the phone, or have one name equal and the other at most 2 edits away (names folded: "
                    + "case, accents, punctuation and spaces ignored), each with its reasons. Ordered by birth date, then "
                    + "ids. One page: {items, next}; pass next back as cursor. Every patient listed is audited.")
    public Page<PossibleDuplicateView> possibleDuplicates(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                                          @QueryParam("cursor") @Size(max = 200) String cursor) {
        return patients.possibleDuplicates(cursor, limit).map(PossibleDuplicateView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Read one patient",
            description = "The patient as their latest referral describes them, all their referrals and the ids merged "
                    + "into them. A merged id answers the surviving patient, with resolvedFrom naming the id asked for. "
                    + "Audited as a read.")
    public PatientView get(@PathParam("id") UUID id) {
        return PatientView.of(patients.read(id));
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Merge a patient into this one",
            description = "{id} survives: mergedPatientId's referrals become its own, the merged id resolves to it from now "
                    + "on, and PatientMerged is published (keyed by {id}). Audited. 404 for an unknown id; 409 "
                    + "MERGE_INTO_ITSELF, ALREADY_MERGED (mergedPatientId was merged before), MERGE_CYCLE ({id} was merged "
                    + "into mergedPatientId) or SURVIVOR_MERGED ({id} was merged into another patient: merge into that one).")
    public PatientView merge(@PathParam("id") UUID id, @NotNull @Valid MergeRequest body) {
        return PatientView.of(patients.merge(id, body.mergedPatientId()));
    }
}
