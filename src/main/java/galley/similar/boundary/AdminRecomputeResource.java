package galley.similar.boundary;

import galley.security.boundary.AdminApi;
import galley.similar.control.RecomputeJobs;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: recomputing similar posts, one article's or all, and following a full recomputation. */
@Path("admin/similar/recompute")
@AdminApi
@Tag(name = "Similar posts (admin)")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRecomputeResource {

    @Inject
    RecomputeJobs jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminRecomputeSimilarPosts", summary = "Recompute similar posts",
            description = "With an articleId, that article's list now (200). Without, every article's, in the background (202 with the job to poll).")
    @APIResponse(responseCode = "200", description = "The article's list was recomputed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Recomputed")))
    @APIResponse(responseCode = "202", description = "The full recomputation runs; poll the job.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RecomputeJob")))
    @APIResponse(responseCode = "503", description = "The search index cannot be reached (the OpenSearch cluster is away), "
            + "or has not indexed the article's latest change yet: try again after Retry-After seconds.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response recompute(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                      schema = @Schema(ref = "RecomputeInput"))) @Valid RecomputeInput input,
                              @Context UriInfo uriInfo) {
        if (input != null && input.articleId() != null) {
            return Response.ok(RecomputedView.of(input.articleId(), jobs.recomputeOne(input.articleId()))).build();
        }
        var job = jobs.start();
        return Response.accepted(RecomputeJobView.of(job))
                .location(uriInfo.getAbsolutePathBuilder().path(job.getId().toString()).build()).build();
    }

    @GET
    @Operation(operationId = "adminGetLatestRecomputeJob", summary = "The most recent full recomputation",
            description = "The state of the most recent full recomputation of similar posts: running or finished, with its counts and timings.")
    @APIResponse(responseCode = "404", description = "No full recomputation has been started yet.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "200", description = "The latest job's progress.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RecomputeJob")))
    public RecomputeJobView latestJob() {
        var job = jobs.latest();
        if (job == null) throw new galley.errors.control.NotFound("recompute job", "latest");
        return RecomputeJobView.of(job);
    }

    @GET
    @Path("{jobId}")
    @Operation(operationId = "adminGetRecomputeJob", summary = "Poll a full recomputation",
            description = "The state of one full recomputation of similar posts, for polling after starting it: running or finished, with its counts and timings.")
    @APIResponse(responseCode = "200", description = "The job's progress.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RecomputeJob")))
    public RecomputeJobView job(@PathParam("jobId") UUID jobId) {
        return RecomputeJobView.of(jobs.get(jobId));
    }
}
