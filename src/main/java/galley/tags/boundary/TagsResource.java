package galley.tags.boundary;

import galley.i18n.boundary.LanguageParam;
import galley.tags.control.Tags;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: the tags of published articles. */
@Path("tags")
@Tag(name = "Tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagsResource {

    @Inject
    Tags tags;

    @GET
    @Operation(operationId = "listTags", summary = "List tags with their published article counts",
            description = "Only tags that at least one published article carries, by name.")
    @APIResponse(responseCode = "200", description = "Tags with the number of published articles carrying them, by name.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TagList")))
    public TagList list(
            @Parameter(description = "Count only articles in this language (BCP 47).", example = "en")
            @QueryParam("lang") String lang) {
        return new TagList(tags.published(LanguageParam.parse(lang)).stream().map(TagCountView::publicView).toList());
    }
}
