package galley.authors.boundary;

import static galley.text.control.Texts.blankToNull;

import galley.authors.entity.Education;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A degree with its thesis: read and written in this shape. */
@Schema(name = "Education")
public record EducationView(
        @NotBlank @Size(max = 100) @Schema(example = "PhD", required = true) String degree,
        @Size(max = 200) @Schema(example = "International Relations") String field,
        @NotBlank @Size(max = 300) @Schema(example = "Süleyman Demirel University", required = true) String institution,
        @Min(1000) @Max(9999) @Schema(example = "2022") Integer year,
        @Size(max = 1000) @Schema(example = "Negotiation in Counter-Terrorism") String thesisTitle) {

    static EducationView of(Education e) {
        return new EducationView(e.getDegree(), e.getField(), e.getInstitution(), e.getYear(), e.getThesisTitle());
    }

    Education toEntity() {
        return new Education(degree.strip(), blankToNull(field), institution.strip(), year, blankToNull(thesisTitle));
    }

}
