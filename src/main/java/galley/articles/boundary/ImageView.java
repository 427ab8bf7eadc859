package galley.articles.boundary;

import galley.text.control.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The featured image of an article. */
@Schema(name = "Image")
public record ImageView(
        @NotBlank @Size(max = 2000) @HttpUrl @Schema(format = "uri", required = true, example = "https://images.example.org/csto-drills.jpg") String url,
        @Size(max = 300) @Schema(description = "Text for readers who cannot see the image.", example = "Soldiers during an exercise") String alt) {

    static ImageView of(String url, String alt) {
        return url == null ? null : new ImageView(url, alt);
    }
}
