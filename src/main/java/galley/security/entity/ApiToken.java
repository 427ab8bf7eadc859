package galley.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * A token a machine (a build server, a static-site generator) uses instead of a person's sign-in. Only a
 * SHA-256 of the token is kept: it is shown once, when made.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 20)
    @Convert(converter = ScopeConverter.class)
    private Scope scope;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "token_prefix", nullable = false, length = 20)
    private String tokenPrefix;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiToken() {
    }

    public ApiToken(String name, Scope scope, String tokenHash, String tokenPrefix, String createdBy, Instant createdAt, Instant expiresAt) {
        this.name = name;
        this.scope = scope;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether the token lets its holder in at {@code now}. */
    public boolean isValidAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public void revoke(Instant at) {
        if (revokedAt == null) revokedAt = at;
    }

    public UUID getId() { return id; }
    public String getName() { return name; }
    public Scope getScope() { return scope; }
    public String getTokenHash() { return tokenHash; }
    public String getTokenPrefix() { return tokenPrefix; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }

    /** Stores a scope by its name ({@code read-drafts}). */
    @Converter
    public static class ScopeConverter implements AttributeConverter<Scope, String> {
        @Override
        public String convertToDatabaseColumn(Scope scope) {
            return scope == null ? null : scope.roleName();
        }

        @Override
        public Scope convertToEntityAttribute(String name) {
            return name == null ? null : Scope.ofName(name);
        }
    }
}
