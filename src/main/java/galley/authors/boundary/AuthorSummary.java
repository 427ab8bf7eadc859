package galley.authors.boundary;

import galley.authors.entity.Author;
import galley.authors.entity.AuthorProfile;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An author as named on an article or in a list: position and organisation in the reader's language. */
@Schema(name = "AuthorSummary")
public record AuthorSummary(
        @Schema(required = true) UUID id,
        @Schema(example = "emrah-kaya", required = true) String slug,
        @Schema(example = "Emrah Kaya", required = true) String name,
        @Schema(example = "Dr.") String honorific,
        @Schema(example = "Foreign Policy Expert") String position,
        @Schema(example = "ANKASAM") String organisation,
        @Schema(format = "uri") String avatarUrl) {

    /** The summary in {@code language}, else its configured fallbacks, else the author's default language. */
    public static AuthorSummary of(Author author, String language) {
        AuthorProfile profile = author.getProfiles().get(author.profileLanguageFor(AuthorView.chain(author, language)));
        return new AuthorSummary(author.getId(), author.getSlug(), author.getDisplayName(), author.getHonorific(),
                profile == null ? null : profile.getPosition(),
                profile == null ? null : profile.getOrganisation(),
                author.getAvatarUrl());
    }
}
