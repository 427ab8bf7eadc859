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
    public List<TagCountView> list(
            @Parameter(description = "Count only articles in this language (BCP 47).", example = "en")
            @QueryParam("lang") String lang) {
        return tags.published(LanguageParam.parse(lang)).stream().map(TagCountView::publicView).toList();
    }
}
