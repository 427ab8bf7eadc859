package galley.authors.boundary;

import galley.authors.entity.Author;
import galley.i18n.control.SiteLanguages;
import galley.authors.entity.AuthorProfile;
import galley.authors.entity.Expertise;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author's public profile in one language. */
@Schema(name = "Author")
public record AuthorView(
        @Schema(required = true) UUID id,
        @Schema(example = "emrah-kaya", required = true) String slug,
        @Schema(example = "Emrah Kaya", required = true) String name,
        @Schema(example = "Dr.") String honorific,
        @Schema(format = "uri") String avatarUrl,
        @Schema(description = "The language of position, organisation, bio and expertise as served.", example = "tr", required = true)
        String language,
        @Schema(example = "Dış Politika Uzmanı") String position,
        @Schema(example = "ANKASAM") String organisation,
        @Schema(description = "Plain text.") String bio,
        @Schema(description = "Areas of expertise in the served language.") List<String> expertise,
        List<EducationView> education,
        List<LinkView> links,
        @Schema(description = "Languages the profile is written in; the first is the default.", example = "[\"tr\", \"en\"]")
        List<String> languages) {

    /**
     * The profile in {@code language} when written in it, else in its configured fallbacks, else in the
     * author's default language (also when no language is asked for), else the site's; expertise likewise.
     */
    public static AuthorView of(Author author, String language) {
        List<String> chain = chain(author, language);
        String served = author.profileLanguageFor(chain);
        AuthorProfile profile = author.getProfiles().get(served);
        List<String> expertise = expertiseIn(author, served);
        for (int i = 0; expertise.isEmpty() && i < chain.size(); i++) expertise = expertiseIn(author, chain.get(i));
        if (expertise.isEmpty()) expertise = expertiseIn(author, author.getDefaultLanguage());
        List<String> languages = new java.util.ArrayList<>();
        languages.add(author.getDefaultLanguage());
        author.getProfiles().keySet().stream().filter(l -> !l.equals(author.getDefaultLanguage())).sorted().forEach(languages::add);
        return new AuthorView(author.getId(), author.getSlug(), author.getDisplayName(), author.getHonorific(),
                author.getAvatarUrl(), served,
                profile == null ? null : profile.getPosition(),
                profile == null ? null : profile.getOrganisation(),
                profile == null ? null : profile.getBio(),
                expertise,
                author.getEducation().stream().map(EducationView::of).toList(),
                author.getLinks().stream().map(LinkView::of).toList(),
                languages);
    }

    /** Where to look for an author's localised fields when a reader asks for {@code language} (or null). */
    static List<String> chain(Author author, String language) {
        List<String> chain = new java.util.ArrayList<>(SiteLanguages.choice().preferences(language));
        chain.add(author.getDefaultLanguage());
        chain.add(SiteLanguages.choice().defaultLanguage());
        return chain;
    }

    private static List<String> expertiseIn(Author author, String language) {
        return author.getExpertise().stream().filter(e -> e.getLanguage().equals(language)).map(Expertise::getName).toList();
    }
}
