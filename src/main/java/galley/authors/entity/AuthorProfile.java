package galley.authors.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The fields of an author that are written per language: position, organisation and bio. */
@Embeddable
public class AuthorProfile {

    @Column(length = 200)
    private String position;

    @Column(length = 200)
    private String organisation;

    @Column(length = 20000)
    private String bio;

    protected AuthorProfile() {
    }

    public AuthorProfile(String position, String organisation, String bio) {
        this.position = position;
        this.organisation = organisation;
        this.bio = bio;
    }

    public String getPosition() { return position; }
    public String getOrganisation() { return organisation; }
    public String getBio() { return bio; }
}
