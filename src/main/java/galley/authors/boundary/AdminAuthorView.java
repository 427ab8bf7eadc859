package galley.authors.boundary;

import galley.authors.entity.Author;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as editors see it: every language at once, with bookkeeping. */
@Schema(name = "AdminAuthor")
public record AdminAuthorView(
        @Schema(required = true) UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true) String name,
        String honorific,
        @Schema(format = "uri") String avatarUrl,
        @Schema(required = true) String defaultLanguage,
        Map<String, ProfileInput> profiles,
        List<ExpertiseView> expertise,
        List<EducationView> education,
        List<LinkView> links,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(description = "Changes with every update.", required = true) long version) implements galley.concurrency.boundary.Versioned {

    static AdminAuthorView of(Author a) {
        Map<String, ProfileInput> profiles = new LinkedHashMap<>();
        a.getProfiles().forEach((language, p) -> profiles.put(language, ProfileInput.of(p)));
        return new AdminAuthorView(a.getId(), a.getSlug(), a.getDisplayName(), a.getHonorific(), a.getAvatarUrl(),
                a.getDefaultLanguage(), profiles,
                a.getExpertise().stream().map(ExpertiseView::of).toList(),
                a.getEducation().stream().map(EducationView::of).toList(),
                a.getLinks().stream().map(LinkView::of).toList(),
                a.getCreatedAt(), a.getUpdatedAt(), a.getVersion());
    }
}
