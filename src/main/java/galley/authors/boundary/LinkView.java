package galley.authors.boundary;

import galley.authors.entity.ExternalLink;
import galley.text.control.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A link to the author's presence elsewhere: read and written in this shape. */
@Schema(name = "ExternalLink")
public record LinkView(
        @NotBlank @Size(max = 100) @Schema(example = "ORCID", required = true) String label,
        @NotBlank @Size(max = 2000) @HttpUrl @Schema(format = "uri", example = "https://orcid.org/0000-0002-1825-0097", required = true) String url) {

    static LinkView of(ExternalLink link) {
        return new LinkView(link.getLabel(), link.getUrl());
    }

    ExternalLink toEntity() {
        return new ExternalLink(label.strip(), url.strip());
    }
}
