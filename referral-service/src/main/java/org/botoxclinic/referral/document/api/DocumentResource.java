package org.botoxclinic.referral.document.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Caller;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.referral.document.domain.Document;
import org.botoxclinic.referral.document.domain.DocumentType;
import org.botoxclinic.referral.document.service.DocumentService;
import org.botoxclinic.referral.document.service.Upload;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Documents that travel with a referral (diary, notes, medication history, imaging): for its partner and intake. */
@Path("/api/referrals/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {

    private final DocumentService documents;
    private final Caller caller;

    public DocumentResource(DocumentService documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    /** The form, as the OpenAPI document shows it. */
    @Schema(name = "DocumentUpload")
    public static class UploadForm {
        @Schema(required = true, enumeration = {"HEADACHE_DIARY", "CLINIC_NOTE", "MEDICATION_HISTORY", "IMAGING", "OTHER"})
        public String type;
        @Schema(required = true, type = SchemaType.STRING, format = "binary",
                description = "PDF, PNG, JPEG, C-CDA XML or plain UTF-8 text, recognised from the bytes")
        public String file;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Attach a document to a referral",
            description = "multipart/form-data with `type` and `file`. The content type is recognised from the bytes, never "
                    + "the file name or the part's declared type: PDF, PNG, JPEG, C-CDA XML (root ClinicalDocument in "
                    + "urn:hl7-org:v3) or plain UTF-8 text; anything else is 415 UNSUPPORTED_DOCUMENT_CONTENT. Over "
                    + "clinic.documents.max-bytes (25 MiB by default) is 413. 201 with Location and the document's "
                    + "sha256. The partner that sent the referral or intake staff; another partner's referral is 404. "
                    + "Adds DOCUMENT_ADDED to the timeline (and the partner's webhook) and publishes DocumentAttached.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "Attached",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    public Response attach(@PathParam("id") UUID id, @RestForm("type") String type, @RestForm("file") FileUpload file,
                           UriInfo uri) {
        DocumentType documentType = documentType(type);
        if (file == null || file.uploadedFile() == null) {
            throw new InvalidInputException("file", "is required (a multipart part named file)");
        }
        Upload upload = new Upload(id, documentType, file.fileName(), file.uploadedFile(), file.size(), null);
        DocumentView view = DocumentView.of(documents.attach(upload, caller.partnerScope(), caller.subject()));
        return Response.created(URI.create(uri.getBaseUri() + "api/referrals/" + id + "/documents/" + view.id()))
                .entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "A referral's documents",
            description = "Their metadata in the order they were attached (never the bytes). One page: {items, next}. "
                    + "Another partner's referral is 404.")
    public Page<DocumentView> list(@PathParam("id") UUID id,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                                   @QueryParam("cursor") @Size(max = 200) String cursor) {
        return documents.list(id, caller.partnerScope(), cursor, limit).map(DocumentView::of);
    }

    @GET
    @Path("/{documentId}")
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "One document's metadata", description = "Another partner's referral, or an unknown id, is 404.")
    public DocumentView get(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return DocumentView.of(documents.read(id, documentId, caller.partnerScope()));
    }

    @GET
    @Path("/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Download a document",
            description = "The bytes, streamed as stored, with the recognised content type and Content-Disposition: "
                    + "attachment. Audited (DOWNLOAD). Another partner's referral, or an unknown id, is 404.")
    @APIResponse(responseCode = "200", description = "The document's bytes",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response content(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        Document document = documents.download(id, documentId, caller.partnerScope());
        StreamingOutput bytes = out -> documents.copy(document, out);
        return Response.ok(bytes, document.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, document.sizeBytes())
                .header("Content-Disposition", attachment(document.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static DocumentType documentType(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("type", "is required");
        }
        try {
            return DocumentType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "must be one of " + Arrays.toString(DocumentType.values()));
        }
    }

    /** RFC 6266: an ASCII fallback name and the exact name in RFC 5987 encoding. */
    static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
