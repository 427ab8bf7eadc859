package galley.articles.boundary;

import static galley.text.control.Texts.blankToNull;

import galley.articles.entity.Reference;
import galley.text.control.HttpUrl;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A numbered reference, read and written in this shape. The body cites it as {@code [^number]}. */
@Schema(name = "Reference")
public record ReferenceView(
        @NotNull @Min(1) @Max(9999) @Schema(description = "The number the body's footnote markers use.", example = "1", required = true)
        Integer number,
        @Size(max = 2000) @Schema(description = "The citation as printed.", example = "“Three CSTO Exercises Begin in Kazakhstan”, Belta, (Date of Accession: 30.09.2022).")
        String citation,
        @Size(max = 500) @Schema(description = "Who wrote the cited work.", example = "Assel Satubaldina") String authors,
        @NotBlank @Size(max = 500) @Schema(example = "Three CSTO Exercises Begin in Kazakhstan", required = true) String title,
        @Size(max = 300) @Schema(description = "Publisher or source.", example = "Belta") String publisher,
        @Size(max = 2000) @HttpUrl @Schema(format = "uri", example = "https://example.org/news/csto-exercises") String url,
        @Schema(description = "When the source was last accessed.", example = "2022-09-30") LocalDate accessedOn) {

    static ReferenceView of(Reference r) {
        return new ReferenceView(r.getNumber(), r.getCitation(), r.getAuthors(), r.getTitle(), r.getPublisher(),
                r.getUrl(), r.getAccessedOn());
    }

    Reference toEntity() {
        return new Reference(number, blankToNull(citation), blankToNull(authors), title.strip(), blankToNull(publisher),
                blankToNull(url), accessedOn);
    }

}
