package galley.demo.control;

import galley.articles.control.ArticleFields;
import galley.articles.control.Articles;
import galley.articles.entity.Reference;
import galley.authors.control.AuthorFields;
import galley.authors.control.Authors;
import galley.authors.entity.AuthorProfile;
import galley.authors.entity.Education;
import galley.authors.entity.Expertise;
import galley.authors.entity.ExternalLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Loads {@code demo/content.json} through the editors' services, all or nothing. */
@ApplicationScoped
public class DemoLoader {

    static final String RESOURCE = "/demo/content.json";

    @Inject
    Authors authors;

    @Inject
    Articles articles;

    /** Returns the numbers of authors and articles loaded. */
    @Transactional
    public int[] load() {
        JsonObject content = read();
        Map<String, UUID> authorIds = new HashMap<>();
        for (JsonValue v : content.getJsonArray("authors")) {
            JsonObject a = v.asJsonObject();
            authorIds.put(a.getString("key"), authors.create(authorFields(a)).getId());
        }
        Map<String, UUID> articleIds = new HashMap<>();
        int count = 0;
        for (JsonValue v : content.getJsonArray("articles")) {
            JsonObject a = v.asJsonObject();
            UUID translationOf = a.containsKey("translationOf") ? articleIds.get(a.getString("translationOf")) : null;
            UUID id = articles.create(articleFields(a, authorIds, translationOf)).article().getId();
            articleIds.put(a.getString("key"), id);
            if ("PUBLISHED".equals(a.getString("status", "PUBLISHED"))) articles.publish(id);
            count++;
        }
        return new int[] {authorIds.size(), count};
    }

    static JsonObject read() {
        try (InputStream in = DemoLoader.class.getResourceAsStream(RESOURCE);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthorFields authorFields(JsonObject a) {
        Map<String, AuthorProfile> profiles = new LinkedHashMap<>();
        JsonObject p = a.getJsonObject("profiles");
        for (String language : p.keySet()) {
            JsonObject profile = p.getJsonObject(language);
            profiles.put(language, new AuthorProfile(text(profile, "position"), text(profile, "organisation"), text(profile, "bio")));
        }
        List<Expertise> expertise = new ArrayList<>();
        JsonObject byLanguage = a.getJsonObject("expertise");
        for (String language : byLanguage.keySet()) {
            byLanguage.getJsonArray(language).getValuesAs(JsonString.class)
                    .forEach(s -> expertise.add(new Expertise(language, s.getString())));
        }
        List<Education> education = new ArrayList<>();
        for (JsonValue v : array(a, "education")) {
            JsonObject e = v.asJsonObject();
            education.add(new Education(e.getString("degree"), text(e, "field"), e.getString("institution"),
                    e.containsKey("year") ? e.getInt("year") : null, text(e, "thesisTitle")));
        }
        List<ExternalLink> links = new ArrayList<>();
        for (JsonValue v : array(a, "links")) {
            JsonObject l = v.asJsonObject();
            links.add(new ExternalLink(l.getString("label"), l.getString("url")));
        }
        return new AuthorFields(text(a, "slug"), a.getString("name"), text(a, "honorific"), text(a, "avatarUrl"),
                a.getString("defaultLanguage"), profiles, expertise, education, links);
    }

    static ArticleFields articleFields(JsonObject a, Map<String, UUID> authorIds, UUID translationOf) {
        List<UUID> byline = array(a, "authors").getValuesAs(JsonString.class).stream()
                .map(s -> authorIds.get(s.getString())).toList();
        List<String> tags = array(a, "tags").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        List<Reference> references = new ArrayList<>();
        for (JsonValue v : array(a, "references")) {
            JsonObject r = v.asJsonObject();
            references.add(new Reference(r.getInt("number"), text(r, "citation"), text(r, "authors"), r.getString("title"),
                    text(r, "publisher"), text(r, "url"),
                    r.containsKey("accessedOn") ? LocalDate.parse(r.getString("accessedOn")) : null));
        }
        JsonObject image = a.getJsonObject("featuredImage");
        return new ArticleFields(text(a, "slug"), a.getString("language"), a.getString("title"), text(a, "excerpt"),
                a.getString("body"), text(a, "seoDescription"),
                image == null ? null : image.getString("url"), image == null ? null : text(image, "alt"),
                byline, tags, references, translationOf,
                a.containsKey("publishedAt") ? Instant.parse(a.getString("publishedAt")) : null);
    }

    private static JsonArray array(JsonObject o, String key) {
        return o.containsKey(key) ? o.getJsonArray(key) : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static String text(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) ? o.getString(key) : null;
    }

}
