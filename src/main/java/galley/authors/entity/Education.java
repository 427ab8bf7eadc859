package galley.authors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A degree an author holds, with the thesis it was awarded for. */
@Embeddable
public class Education {

    @Column(nullable = false, length = 100)
    private String degree;

    @Column(length = 200)
    private String field;

    @Column(nullable = false, length = 300)
    private String institution;

    @Column(name = "year_awarded")
    private Integer year;

    @Column(name = "thesis_title", length = 1000)
    private String thesisTitle;

    protected Education() {
    }

    public Education(String degree, String field, String institution, Integer year, String thesisTitle) {
        this.degree = degree;
        this.field = field;
        this.institution = institution;
        this.year = year;
        this.thesisTitle = thesisTitle;
    }

    public String getDegree() { return degree; }
    public String getField() { return field; }
    public String getInstitution() { return institution; }
    public Integer getYear() { return year; }
    public String getThesisTitle() { return thesisTitle; }
}
