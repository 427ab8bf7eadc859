package galley.articles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * A numbered source the article cites; the body points at it with a footnote marker ({@code [^n]}).
 * The citation is the text as the publication prints it; the other fields are its structured parts.
 */
@Embeddable
public class Reference {

    @Column(nullable = false)
    private int number;

    @Column(length = 2000)
    private String citation;

    @Column(length = 500)
    private String authors;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(length = 300)
    private String publisher;

    @Column(length = 2000)
    private String url;

    @Column(name = "accessed_on")
    private LocalDate accessedOn;

    protected Reference() {
    }

    public Reference(int number, String citation, String authors, String title, String publisher,
                     String url, LocalDate accessedOn) {
        this.number = number;
        this.citation = citation;
        this.authors = authors;
        this.title = title;
        this.publisher = publisher;
        this.url = url;
        this.accessedOn = accessedOn;
    }

    public int getNumber() { return number; }
    public String getCitation() { return citation; }
    public String getAuthors() { return authors; }
    public String getTitle() { return title; }
    public String getPublisher() { return publisher; }
    public String getUrl() { return url; }
    public LocalDate getAccessedOn() { return accessedOn; }
}
