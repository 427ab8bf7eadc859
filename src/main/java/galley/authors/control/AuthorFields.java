package galley.authors.control;

import galley.authors.entity.AuthorProfile;
import galley.authors.entity.Education;
import galley.authors.entity.Expertise;
import galley.authors.entity.ExternalLink;
import java.util.List;
import java.util.Map;

/** Everything an editor sets on an author; the slug is derived from the name when absent. */
public record AuthorFields(
        String slug,
        String displayName,
        String honorific,
        String avatarUrl,
        String defaultLanguage,
        Map<String, AuthorProfile> profiles,
        List<Expertise> expertise,
        List<Education> education,
        List<ExternalLink> links) {
}
