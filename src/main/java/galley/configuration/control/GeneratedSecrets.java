package galley.configuration.control;

import galley.configuration.entity.Setting;
import galley.database.control.GalleyUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Secrets Galley makes itself when the operator configured none: random, made once, stored in the
 * database so that all nodes and restarts agree. A configured secret is always preferred.
 */
@ApplicationScoped
public class GeneratedSecrets {

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    GeneratedSecrets self;

    /** The secret called {@code name} (32 random bytes), made on first use. */
    public byte[] get(String name) {
        Setting existing = self.find(name);
        if (existing != null) return Base64.getDecoder().decode(existing.getValue());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            self.create(name, Base64.getEncoder().encodeToString(secret));
        } catch (RuntimeException e) {
            // Another node made it first (a duplicate key at commit): use theirs.
        }
        return Base64.getDecoder().decode(self.find(name).getValue());
    }

    /** The value called {@code name}, made by {@code maker} on first use (at most 2,000 characters). */
    public String get(String name, java.util.function.Supplier<String> maker) {
        Setting existing = self.find(name);
        if (existing != null) return existing.getValue();
        try {
            self.create(name, maker.get());
        } catch (RuntimeException e) {
            // Another node made it first (a duplicate key at commit): use theirs.
        }
        return self.find(name).getValue();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Setting find(String name) {
        return em.find(Setting.class, name);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String name, String value) {
        em.persist(new Setting(name, value, Instant.now()));
        em.flush();
    }
}
