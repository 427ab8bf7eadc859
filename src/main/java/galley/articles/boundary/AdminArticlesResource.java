package galley.articles.boundary;

import galley.articles.control.ArticlePreviews;
import galley.articles.control.Articles;
import galley.articles.control.PreviewLinks;
import galley.concurrency.boundary.ETags;
import galley.concurrency.boundary.MergePatch;
import galley.articles.entity.ArticleStatus;
import galley.paging.boundary.PageLinks;
import galley.paging.boundary.Params;
import galley.security.boundary.AdminApi;
import galley.security.entity.Role;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: articles in every status, and the editorial operations on them. */
@Path("admin/articles")
@AdminApi({Role.EDITOR, Role.ADMIN, Role.AUTHOR})
@Tag(name = "Articles (admin)")
@Produces(MediaType.APPLICATION_JSON)
public class AdminArticlesResource {

    @Inject
    Articles articles;

    @Inject
    Validator validator;

    @Inject
    PreviewLinks previewLinks;

    @Inject
    ArticlePreviews previews;

    @GET
    @Operation(operationId = "adminListArticles", summary = "List articles in any status",
            description = "Articles in every status (draft, in review, scheduled, published), newest first by default, filtered by status, language, tag, author and date range. Authors see only the articles they created.")
    @APIResponse(responseCode = "200", description = "Articles in any status, newest change first; paged with Link headers.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticlePage")))
    public Response list(
            @Parameter(description = "Only articles in this status.", schema = @Schema(type = SchemaType.STRING, enumeration = {"draft", "in_review", "scheduled", "published", "archived"})) @QueryParam("status") String status,
            @Parameter(description = "Only articles in this language (BCP 47).", example = "en") @QueryParam("lang") String lang,
            @Parameter(description = "Only articles with this tag (slug).") @QueryParam("tag") String tag,
            @Parameter(description = "Only articles by this author (slug).") @QueryParam("author") String author,
            @Parameter(description = "Published on or after: a date (UTC) or an instant.") @QueryParam("from") String from,
            @Parameter(description = "Published on or before this date (UTC), or before this instant.") @QueryParam("to") String to,
            @Parameter(description = "Order; newest means most recently changed for drafts.", schema = @Schema(type = SchemaType.STRING, enumeration = {"newest", "oldest", "title"}, defaultValue = "newest")) @QueryParam("sort") String sort,
            @Parameter(description = "Page number, from 1.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uriInfo) {
        ArticleStatus wanted = Params.choice("status", status, ArticleStatus.class, null);
        var result = articles.page(ListParams.query(wanted, lang, tag, author, from, to, sort, page, size))
                .map(AdminArticleSummary::of);
        return PageLinks.add(Response.ok(AdminArticlePage.of(result)), uriInfo, result).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminCreateArticle", summary = "Create an article (as a draft)",
            description = "Creates an article as a draft in one language. The slug is made from the title (transliterated) when not given; references, authors and tags are given in the body. Answers 201 with the article and its ETag.")
    @APIResponse(responseCode = "201", description = "The new draft.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ArticleInput"))) @NotNull @Valid ArticleInput input, @Context UriInfo uriInfo) {
        var created = AdminArticleView.of(articles.create(input.toFields()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @POST
    @Path("import")
    @AdminApi
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminImportArticles", summary = "Import up to 1,000 articles at once",
            description = "All or none, in one transaction; an error names the article by its index (articles[3].title). "
                    + "Similar posts are recomputed for the whole collection afterwards, in the background.")
    @APIResponse(responseCode = "201", description = "The articles were created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ImportResult")))
    public Response importAll(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ImportInput"))) @NotNull @Valid ImportInput input) {
        var created = articles.importAll(input.articles().stream().map(ArticleInput::toFields).toList(), input.publish());
        return Response.status(Response.Status.CREATED).entity(new ImportResult(created.stream()
                .map(a -> new ImportResult.Created(a.getId(), a.getSlug(), a.getLanguage())).toList())).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "adminGetArticle", summary = "Get an article in any status",
            description = "The article in any status, with the editing fields the public API does not show (status, version, schedule, creator). The ETag is its version, for If-Match on the next change.")
    @APIResponse(responseCode = "200", description = "The article.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView get(@PathParam("id") UUID id) {
        return AdminArticleView.of(articles.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminReplaceArticle", summary = "Replace an article",
            description = "Replaces every field; an absent slug keeps the current one. The status does not change.")
    @APIResponse(responseCode = "200", description = "The article as replaced.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView replace(@PathParam("id") UUID id, @Parameter(description = "The ETag of the version this change is based on (from the last read).", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ArticleInput"))) @NotNull @Valid ArticleInput input) {
        return AdminArticleView.of(articles.replace(id, ETags.expected(ifMatch), input.toFields()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "adminPatchArticle", summary = "Change some fields of an article (JSON Merge Patch)",
            description = "RFC 7396: the fields given replace the current ones, null removes an optional one, absent ones stay. "
                    + "The result must be a valid ArticleInput.")
    @APIResponse(responseCode = "200", description = "The article as changed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView patch(@PathParam("id") UUID id, @Parameter(description = "The ETag of the version this change is based on (from the last read).", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                                          schema = @Schema(ref = "ArticleInput"))) String patch) {
        Long expected = ETags.expected(ifMatch);
        var current = articles.get(id);
        // With If-Match: *, the version patched is the one just read: a change in between is still a 412.
        long base = expected == null ? current.article().getVersion() : expected;
        ArticleInput patched = MergePatch.apply(ArticleInput.of(current.article()), patch, ArticleInput.class, validator);
        return AdminArticleView.of(articles.replace(id, base, patched.toFields()));
    }

    @DELETE
    @Path("{id}")
    @AdminApi
    @Operation(operationId = "adminDeleteArticle", summary = "Delete an article",
            description = "Deletes the article with its references and similar-posts lists; other articles' similar posts drop it. Its revisions stay in the history.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("id") UUID id, @Parameter(description = "The ETag of the version this change is based on (from the last read).", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        articles.delete(id, ETags.expected(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/submit")
    @Operation(operationId = "adminSubmitArticle", summary = "Submit a draft for review",
            description = "Its author says a draft is ready; it needs what publishing needs. Editors then publish, "
                    + "schedule or unpublish it (back to draft). Authors may change their articles only as drafts.")
    @APIResponse(responseCode = "422", description = "The article is not complete enough to be reviewed for publication: each missing field is listed in errors.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "200", description = "The article, in review.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView submit(@PathParam("id") UUID id) {
        return AdminArticleView.of(articles.submit(id));
    }

    @POST
    @Path("{id}/publish")
    @AdminApi
    @Operation(operationId = "adminPublishArticle", summary = "Publish an article",
            description = "Needs a title, a body, a language and at least one author.")
    @APIResponse(responseCode = "422", description = "The article cannot be published yet: each missing field (body, authors, ...) is listed in errors.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "200", description = "The published article.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView publish(@PathParam("id") UUID id) {
        return AdminArticleView.of(articles.publish(id));
    }

    @POST
    @Path("{id}/schedule")
    @AdminApi
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminScheduleArticle", summary = "Schedule an article for publication",
            description = "From draft, scheduled or archived. It must be publishable now (title, body, language, an author); "
                    + "Galley publishes it at publishAt, within a few seconds, once, even with several nodes.")
    @APIResponse(responseCode = "200", description = "The scheduled article.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView schedule(@PathParam("id") UUID id, @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ScheduleInput"))) @NotNull @Valid ScheduleInput input) {
        return AdminArticleView.of(articles.schedule(id, input.publishAt()));
    }

    @POST
    @Path("{id}/preview-link")
    @AdminApi
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminIssuePreviewLink", summary = "Issue a signed, expiring preview link",
            description = "Whoever holds the link reads the article in any status, as the public API will render it, "
                    + "until it expires (a day unless asked otherwise). Links are not stored; they cannot be revoked one by one.")
    @APIResponse(responseCode = "200", description = "The link.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PreviewLink")))
    public PreviewLinkView previewLink(@PathParam("id") UUID id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "PreviewLinkInput"))) @Valid PreviewLinkInput input, @Context UriInfo uriInfo) {
        java.time.Duration validity = input == null || input.validitySeconds() == null ? PreviewLinks.DEFAULT_VALIDITY
                : java.time.Duration.ofSeconds(input.validitySeconds());
        var link = previewLinks.issue(id, validity);
        return new PreviewLinkView(uriInfo.getBaseUriBuilder().path("preview").path(link.token()).build(), link.token(), link.expiresAt());
    }

    @GET
    @Path("{id}/preview")
    @Operation(operationId = "adminPreviewArticle", summary = "Preview an article as the public API will render it",
            description = "The article rendered exactly as the public API will show it once published, whatever its status, so editors can check drafts.")
    @APIResponse(responseCode = "200", description = "The article in the public shape.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Article")))
    public Response preview(@PathParam("id") UUID id) {
        return PreviewResource.privately(Response.ok(ArticleView.of(previews.forEditor(id), null))).build();
    }

    @POST
    @Path("{id}/archive")
    @AdminApi
    @Operation(operationId = "adminArchiveArticle", summary = "Archive a published article",
            description = "Takes it off the public API; publish brings it back with its original publication date.")
    @APIResponse(responseCode = "200", description = "The archived article.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView archive(@PathParam("id") UUID id) {
        return AdminArticleView.of(articles.archive(id));
    }

    @POST
    @Path("{id}/unpublish")
    @AdminApi
    @Operation(operationId = "adminUnpublishArticle", summary = "Unpublish an article (back to draft)",
            description = "From in review (sending it back to its author), published, scheduled (cancelling the schedule) or archived.")
    @APIResponse(responseCode = "200", description = "The article, a draft again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView unpublish(@PathParam("id") UUID id) {
        return AdminArticleView.of(articles.unpublish(id));
    }

    @PUT
    @Path("{id}/translation-of")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminJoinTranslationGroup", summary = "Declare the article a translation of another",
            description = "The article joins the other's translation group; a group holds one article per language.")
    @APIResponse(responseCode = "200", description = "The article in its new translation group.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView joinTranslationGroup(@PathParam("id") UUID id, @Parameter(description = "The ETag of the version this change is based on (from the last read).", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TranslationOfInput"))) @NotNull @Valid TranslationOfInput input) {
        return AdminArticleView.of(articles.joinTranslationGroup(id, ETags.expected(ifMatch), input.articleId()));
    }

    @DELETE
    @Path("{id}/translation-of")
    @Operation(operationId = "adminLeaveTranslationGroup", summary = "Take the article out of its translation group",
            description = "Unlinks the article from the other language versions it was a translation of; the others stay linked to each other.")
    @APIResponse(responseCode = "200", description = "The article in a group of its own.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminArticle")))
    public AdminArticleView leaveTranslationGroup(@PathParam("id") UUID id, @Parameter(description = "The ETag of the version this change is based on (from the last read).", required = true, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return AdminArticleView.of(articles.leaveTranslationGroup(id, ETags.expected(ifMatch)));
    }
}
