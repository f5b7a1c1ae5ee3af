package org.botoxclinic.scheduling.waitlist.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
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
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.scheduling.appointment.api.AppointmentView;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.waitlist.domain.OfferStatus;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistStatus;
import org.botoxclinic.scheduling.waitlist.service.WaitlistOfferService;
import org.botoxclinic.scheduling.waitlist.service.WaitlistService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The waitlist for earlier clinic days, and the offers of freed chair time made to the patients on it. */
@Path("/api/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Waitlist")
public class WaitlistResource {

    private final WaitlistService waitlist;
    private final WaitlistOfferService offers;

    public WaitlistResource(WaitlistService waitlist, WaitlistOfferService offers) {
        this.waitlist = waitlist;
        this.offers = offers;
    }

    @POST
    @Operation(summary = "Put a referral on the waitlist for an earlier clinic day",
            description = "Any open clinic day from earliestDate to latestDate (both included). earliestDate today or "
                    + "later, latestDate on or after it and at most 400 days later, and before the referral's own "
                    + "appointment when it has one (400 naming the field): accepting an offer then moves that "
                    + "appointment. One waiting entry per referral: the same window again is 200 with the entry, "
                    + "another 409 ALREADY_WAITING with entryId. A cancelled plan is 409. Freed time is offered from "
                    + "now on, oldest entry first.")
    @APIResponse(responseCode = "201", description = "On the waitlist")
    public Response join(@Valid @NotNull WaitlistRequests.Join request) {
        WaitlistService.Joined joined = waitlist.join(request.referralId(), request.earliestDate(), request.latestDate());
        WaitlistEntryView view = WaitlistEntryView.of(joined.entry());
        return joined.created() ? Response.created(URI.create("/api/waitlist/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Operation(summary = "The waitlist, oldest entry first, one page at a time",
            description = "By default the WAITING entries (the queue, in the order offers are made). Returns {items, "
                    + "next}: pass next back as cursor for the following page; next is null on the last page.")
    public Page<WaitlistEntryView> list(@Parameter(description = "WAITING (default), BOOKED, WITHDRAWN or LAPSED")
                                        @QueryParam("status") String status,
                                        @QueryParam("referralId") UUID referralId,
                                        @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
                                        @QueryParam("cursor") @Size(max = 200) String cursor) {
        WaitlistStatus wanted = status == null ? WaitlistStatus.WAITING : enumValue("status", status, WaitlistStatus.class);
        return waitlist.list(wanted, referralId, cursor, limit).map(WaitlistEntryView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One waitlist entry")
    public WaitlistEntryView get(@PathParam("id") UUID id) {
        return WaitlistEntryView.of(waitlist.get(id));
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(summary = "Take a waiting entry off the waitlist",
            description = "409 unless WAITING. Its open offer, if any, is withdrawn and offered to the next patient.")
    public WaitlistEntryView withdraw(@PathParam("id") UUID id, @Valid WaitlistRequests.Withdraw request) {
        return WaitlistEntryView.of(waitlist.withdraw(id, request == null ? null : request.reason()));
    }

    @GET
    @Path("/offers")
    @Operation(summary = "Offers of freed time, oldest first, one page at a time",
            description = "Each with the slot (date, startTime, endTime, chair, providerId), its status (OPEN, ACCEPTED, "
                    + "DECLINED, EXPIRED, STALE, WITHDRAWN), expiresAt, and the waiting patients ahead in the queue "
                    + "whom a rule excluded, with the rule: NOT_AUTHORIZED, OUTSIDE_AUTHORIZATION_WINDOW, NO_VISITS_LEFT, "
                    + "TOO_SOON, NOT_A_CLINIC_DAY, CLINIC_DAY_FULL, ALREADY_BOOKED, DOSE_LIMIT (the units allowed on the "
                    + "date are below what the plan needs: the units given at its latest treatment, else the approved "
                    + "units per approved visit), OFFER_PENDING, OFFER_DECLINED, OFFER_EXPIRED.")
    public Page<WaitlistOfferView> offers(@Parameter(description = "OPEN, ACCEPTED, DECLINED, EXPIRED, STALE or WITHDRAWN")
                                          @QueryParam("status") String status,
                                          @QueryParam("date") LocalDate date,
                                          @QueryParam("referralId") UUID referralId,
                                          @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
                                          @QueryParam("cursor") @Size(max = 200) String cursor) {
        OfferStatus wanted = status == null ? null : enumValue("status", status, OfferStatus.class);
        return offers.list(wanted, date, referralId, cursor, limit).map(WaitlistOfferView::of);
    }

    @GET
    @Path("/offers/{id}")
    @Operation(summary = "One offer, with its skipped patients")
    public WaitlistOfferView offer(@PathParam("id") UUID id) {
        return WaitlistOfferView.of(offers.get(id));
    }

    @POST
    @Path("/offers/{id}/accept")
    @Operation(summary = "The patient takes the offered slot: book it",
            description = "Every booking rule and the dose limit are checked again under the booking's locks. The "
                    + "referral's later appointment, if any, is moved to the slot (AppointmentRescheduled); otherwise "
                    + "the slot is booked (AppointmentScheduled). 409 OFFER_STALE with the refusing rule (and the offer "
                    + "passed on to the next waiting patient) when a rule or the slot refuses it now; 409 OFFER_EXPIRED "
                    + "when the time to answer is over; 409 with currentStatus when the offer is no longer OPEN.")
    @APIResponse(responseCode = "201", description = "Booked: the appointment")
    public Response accept(@PathParam("id") UUID id) {
        Appointment appointment = offers.accept(id);
        return Response.created(URI.create("/api/appointments/" + appointment.id()))
                .entity(AppointmentView.of(appointment)).build();
    }

    @POST
    @Path("/offers/{id}/decline")
    @Operation(summary = "The patient declines the offered slot",
            description = "409 with currentStatus unless OPEN. The slot is offered to the next waiting patient; the "
                    + "patient stays on the waitlist but is not offered this date again.")
    public WaitlistOfferView decline(@PathParam("id") UUID id) {
        return WaitlistOfferView.of(offers.decline(id));
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
