package galley.similar.boundary;

import galley.security.boundary.AdminApi;
import galley.similar.control.SimilarPosts;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin: steering an article's similar posts (pins, exclusions). Its own root path: JAX-RS would send
 * {@code admin/articles/...} to the articles resource, whose literal prefix is longer than {@code admin}.
 */
@Path("admin/articles/{id}/similar")
@AdminApi
@Tag(name = "Similar posts (admin)")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSimilarResource {

    @Inject
    SimilarPosts similar;

    @GET
    @Operation(operationId = "adminGetSimilarPosts", summary = "Get an article's similar posts with its pins and exclusions",
            description = "The computed similar posts of the article together with the editors' pins and exclusions, which steer the list the public API shows.")
    @APIResponse(responseCode = "200", description = "The list as served, and what editors set.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SimilarEditorial")))
    public SimilarEditorialView get(@PathParam("id") UUID id) {
        return SimilarEditorialView.of(similar.editorial(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminEditSimilarPosts", summary = "Pin, unpin, reorder and exclude similar posts",
            description = "Replaces the article's pins and exclusions. A pinned article keeps its position; an excluded one never shows.")
    @APIResponse(responseCode = "200", description = "The list as now served.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SimilarEditorial")))
    public SimilarEditorialView edit(@PathParam("id") UUID id,
                                     @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                             schema = @Schema(ref = "SimilarEditInput"))) @NotNull @Valid SimilarEditInput input) {
        List<SimilarPosts.Pin> pins = input.pinned() == null ? List.of()
                : input.pinned().stream().map(p -> new SimilarPosts.Pin(p.articleId(), p.position())).toList();
        return SimilarEditorialView.of(similar.edit(id, pins, input.excluded() == null ? List.of() : input.excluded()));
    }
}
