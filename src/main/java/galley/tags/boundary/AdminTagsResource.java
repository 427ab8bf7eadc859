package galley.tags.boundary;

import galley.security.boundary.AdminApi;
import galley.tags.control.Tags;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: create, rename and delete tags. */
@Path("admin/tags")
@AdminApi
@Tag(name = "Tags (admin)")
@Produces(MediaType.APPLICATION_JSON)
public class AdminTagsResource {

    @Inject
    Tags tags;

    @GET
    @Operation(operationId = "adminListTags", summary = "List all tags with article counts",
            description = "Every tag by name, with the number of articles that carry it.")
    @APIResponse(responseCode = "200", description = "All tags by name.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TagList")))
    public TagList list() {
        return new TagList(tags.all().stream().map(TagCountView::adminView).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminCreateTag", summary = "Create a tag",
            description = "Creates a tag. The slug is made from the name (transliterated) when not given; a slug already taken is a conflict (409).")
    @APIResponse(responseCode = "201", description = "The new tag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TagWithCount")))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TagInput"))) @NotNull @Valid TagInput input, @Context UriInfo uriInfo) {
        var tag = tags.create(input.name(), input.slug());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(tag.getId().toString()).build())
                .entity(new TagCountView(tag.getId(), tag.getSlug(), tag.getName(), 0)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetTag", summary = "Get a tag",
            description = "One tag with the number of articles that carry it.")
    @APIResponse(responseCode = "200", description = "The tag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TagWithCount")))
    public TagCountView get(@PathParam("id") UUID id) {
        var tag = tags.get(id);
        return new TagCountView(tag.getId(), tag.getSlug(), tag.getName(), tags.articleCount(tag));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminUpdateTag", summary = "Rename a tag or change its slug",
            description = "Renames a tag or changes its slug; the articles that carry it keep it. A slug already taken is a conflict (409).")
    @APIResponse(responseCode = "200", description = "The tag as changed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TagWithCount")))
    public TagCountView update(@PathParam("id") UUID id, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TagInput"))) @NotNull @Valid TagInput input) {
        var tag = tags.update(id, input.name(), input.slug());
        return new TagCountView(tag.getId(), tag.getSlug(), tag.getName(), tags.articleCount(tag));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "adminDeleteTag", summary = "Delete a tag and remove it from all articles",
            description = "Deletes a tag and takes it off every article that carried it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") UUID id) {
        tags.delete(id);
        return Response.noContent().build();
    }
}
