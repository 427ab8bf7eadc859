package galley.articles.control;

import java.util.UUID;

/** Another language version of an article ("also available in"). */
public record Translation(UUID id, String language, String slug, String title, String status) {
}
