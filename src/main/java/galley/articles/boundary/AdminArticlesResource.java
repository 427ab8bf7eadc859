package galley.articles.boundary;

import galley.articles.control.Articles;
import galley.articles.entity.ArticleStatus;
import galley.paging.boundary.PageLinks;
import galley.paging.boundary.Params;
import galley.security.boundary.AdminApi;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: articles in every status, and the editorial operations on them. */
@Path("admin/articles")
@AdminApi
@Tag(name = "Articles (admin)")
@SecurityRequirement(name = "basicAuth")
@Produces(MediaType.APPLICATION_JSON)
public class AdminArticlesResource {

    @Inject
    Articles articles;

    @GET
    @Operation(operationId = "adminListArticles", summary = "List articles in any status")
    public Response list(@QueryParam("status") String status, @QueryParam("lang") String lang,
                         @QueryParam("tag") String tag, @QueryParam("author") String author,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("sort") String sort, @QueryParam("page") String page,
                         @QueryParam("size") String size, @Context UriInfo uriInfo) {
        ArticleStatus wanted = Params.choice("status", status, ArticleStatus.class, null);
        var result = articles.page(ListParams.query(wanted, lang, tag, author, from, to, sort, page, size))
                .map(AdminArticleSummary::of);
        return PageLinks.add(Response.ok(result.items()), uriInfo, result).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminCreateArticle", summary = "Create an article (as a draft)")
    public Response create(@NotNull @Valid ArticleInput input, @Context UriInfo uriInfo) {
        var created = AdminArticleView.of(articles.create(input.toFields()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetArticle", summary = "Get an article in any status")
    public AdminArticleView get(@PathParam("id") UUID id) {
        return AdminArticleView.of(articles.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminReplaceArticle", summary = "Replace an article",
            description = "Replaces every field; an absent slug keeps the current one. The status does not change.")
    public AdminArticleView replace(@PathParam("id") UUID id, @NotNull @Valid ArticleInput input) {
        return AdminArticleView.of(articles.replace(id, input.toFields()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "adminDeleteArticle", summary = "Delete an article")
    public Response delete(@PathParam("id") UUID id) {
        articles.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/publish")
    @Operation(operationId = "adminPublishArticle", summary = "Publish an article",
            description = "Needs a title, a body, a language and at least one author.")
    public AdminArticleView publish(@PathParam("id") UUID id) {
        return AdminArticleView.of(articles.publish(id));
    }

    @POST
    @Path("{id}/unpublish")
    @Operation(operationId = "adminUnpublishArticle", summary = "Unpublish an article (back to draft)")
    public AdminArticleView unpublish(@PathParam("id") UUID id) {
        return AdminArticleView.of(articles.unpublish(id));
    }

    @PUT
    @Path("{id}/translation-of")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminJoinTranslationGroup", summary = "Declare the article a translation of another",
            description = "The article joins the other's translation group; a group holds one article per language.")
    public AdminArticleView joinTranslationGroup(@PathParam("id") UUID id, @NotNull @Valid TranslationOfInput input) {
        return AdminArticleView.of(articles.joinTranslationGroup(id, input.articleId()));
    }

    @DELETE
    @Path("{id}/translation-of")
    @Operation(operationId = "adminLeaveTranslationGroup", summary = "Take the article out of its translation group")
    public AdminArticleView leaveTranslationGroup(@PathParam("id") UUID id) {
        return AdminArticleView.of(articles.leaveTranslationGroup(id));
    }
}
