package galley.authors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One area of expertise, named in one language. */
@Embeddable
public class Expertise {

    @Column(nullable = false, length = 35)
    private String language;

    @Column(nullable = false, length = 200)
    private String name;

    protected Expertise() {
    }

    public Expertise(String language, String name) {
        this.language = language;
        this.name = name;
    }

    public String getLanguage() { return language; }
    public String getName() { return name; }
}
