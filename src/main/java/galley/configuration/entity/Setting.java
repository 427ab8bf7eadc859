package galley.configuration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A value Galley generated once and keeps in the database, so that every node uses the same one. */
@Entity
@Table(name = "galley_setting")
public class Setting {

    @Id
    @Column(length = 100)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 2000)
    private String value;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Setting() {
    }

    public Setting(String name, String value, Instant createdAt) {
        this.name = name;
        this.value = value;
        this.createdAt = createdAt;
    }

    public String getName() { return name; }
    public String getValue() { return value; }
    public Instant getCreatedAt() { return createdAt; }
}
