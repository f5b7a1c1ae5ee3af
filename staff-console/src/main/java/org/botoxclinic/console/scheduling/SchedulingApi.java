package org.botoxclinic.console.scheduling;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.console.upstream.Problem;
import org.botoxclinic.console.upstream.Upstream;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * scheduling-service's public API (CLINIC_SCHEDULING_URL), called with the signed-in user's bearer token: clinic days,
 * their schedules, the scheduler's worklists, treatment plans and appointments. Every call goes through
 * {@link Upstream#call}; a refusal keeps the facts the service gives to act on ({@link Problem#facts()}).
 */
@RegisterRestClient(configKey = "scheduling-service")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SchedulingApi {

    String SERVICE = "scheduling-service";

    @GET
    @Path("/clinic-days")
    ClinicDayPage clinicDays(@HeaderParam("Authorization") String authorization,
                             @QueryParam("from") LocalDate from,
                             @QueryParam("to") LocalDate to,
                             @QueryParam("limit") Integer limit,
                             @QueryParam("cursor") String cursor);

    @POST
    @Path("/clinic-days")
    ClinicDay addClinicDay(@HeaderParam("Authorization") String authorization, SchedulingRequests.AddDay request);

    @GET
    @Path("/clinic-days/{date}")
    ClinicDayDetail clinicDay(@HeaderParam("Authorization") String authorization, @PathParam("date") LocalDate date);

    @GET
    @Path("/clinic-days/{date}/schedule")
    Schedule schedule(@HeaderParam("Authorization") String authorization, @PathParam("date") LocalDate date);

    @GET
    @Path("/worklist")
    WorklistPage worklist(@HeaderParam("Authorization") String authorization,
                          @QueryParam("kind") String kind,
                          @QueryParam("limit") Integer limit,
                          @QueryParam("cursor") String cursor);

    @GET
    @Path("/treatment-plans/{referralId}")
    TreatmentPlan plan(@HeaderParam("Authorization") String authorization, @PathParam("referralId") UUID referralId);

    @GET
    @Path("/appointments")
    AppointmentPage appointments(@HeaderParam("Authorization") String authorization,
                                 @QueryParam("date") LocalDate date,
                                 @QueryParam("referralId") UUID referralId,
                                 @QueryParam("limit") Integer limit,
                                 @QueryParam("cursor") String cursor);

    @GET
    @Path("/appointments/{id}")
    Appointment appointment(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @POST
    @Path("/appointments")
    Appointment book(@HeaderParam("Authorization") String authorization, SchedulingRequests.Book request);

    @POST
    @Path("/appointments/{id}/reschedule")
    Appointment reschedule(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                           SchedulingRequests.Reschedule request);

    @POST
    @Path("/appointments/{id}/cancel")
    Appointment cancel(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                       SchedulingRequests.Cancel request);

    @POST
    @Path("/appointments/{id}/check-in")
    Appointment checkIn(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @POST
    @Path("/appointments/{id}/complete")
    Appointment complete(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                         SchedulingRequests.Complete request);

    @POST
    @Path("/appointments/{id}/no-show")
    Appointment noShow(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstream.refusal(SERVICE, response);
    }
}
