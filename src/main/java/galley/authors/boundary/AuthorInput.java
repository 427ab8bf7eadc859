package galley.authors.boundary;

import galley.authors.control.AuthorFields;
import galley.i18n.control.LanguageTag;
import galley.i18n.control.Languages;
import galley.text.control.HttpUrl;
import galley.text.control.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as editors write it: every language's profile at once. */
@Schema(name = "AuthorInput")
public record AuthorInput(
        @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits joined by hyphens")
        @Schema(description = "Derived from the name when absent.", example = "emrah-kaya") String slug,
        @NotBlank @Size(max = 200) @Schema(example = "Emrah Kaya", required = true) String name,
        @Size(max = 40) @Schema(example = "Dr.") String honorific,
        @Size(max = 2000) @HttpUrl @Schema(format = "uri") String avatarUrl,
        @NotBlank @Size(max = Languages.MAX_LENGTH) @LanguageTag @Schema(description = "The language to fall back on.", example = "tr", required = true)
        String defaultLanguage,
        @Size(max = 50) @Schema(description = "Position, organisation and bio by language tag.")
        Map<@NotBlank @Size(max = Languages.MAX_LENGTH) @LanguageTag String, @NotNull @Valid ProfileInput> profiles,
        @Size(max = 100) List<@NotNull @Valid ExpertiseView> expertise,
        @Size(max = 20) List<@NotNull @Valid EducationView> education,
        @Size(max = 20) List<@NotNull @Valid LinkView> links) {

    /** The author as a full input, the base a merge patch applies to. */
    static AuthorInput of(galley.authors.entity.Author a) {
        Map<String, ProfileInput> profiles = new LinkedHashMap<>();
        a.getProfiles().forEach((language, p) -> profiles.put(language, ProfileInput.of(p)));
        return new AuthorInput(a.getSlug(), a.getDisplayName(), a.getHonorific(), a.getAvatarUrl(), a.getDefaultLanguage(),
                profiles, a.getExpertise().stream().map(ExpertiseView::of).toList(),
                a.getEducation().stream().map(EducationView::of).toList(),
                a.getLinks().stream().map(LinkView::of).toList());
    }

    AuthorFields toFields() {
        Map<String, galley.authors.entity.AuthorProfile> byLanguage = new LinkedHashMap<>();
        if (profiles != null) profiles.forEach((language, p) -> byLanguage.put(language, p.toEntity()));
        return new AuthorFields(slug, name, honorific, avatarUrl, defaultLanguage, byLanguage,
                expertise == null ? List.of() : expertise.stream().map(ExpertiseView::toEntity).toList(),
                education == null ? List.of() : education.stream().map(EducationView::toEntity).toList(),
                links == null ? List.of() : links.stream().map(LinkView::toEntity).toList());
    }
}
