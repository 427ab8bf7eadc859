package galley.authors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A link to an author's presence elsewhere (institution page, ORCID, social profile). */
@Embeddable
public class ExternalLink {

    @Column(nullable = false, length = 100)
    private String label;

    @Column(nullable = false, length = 2000)
    private String url;

    protected ExternalLink() {
    }

    public ExternalLink(String label, String url) {
        this.label = label;
        this.url = url;
    }

    public String getLabel() { return label; }
    public String getUrl() { return url; }
}
