package galley.security.control;

import galley.database.control.GalleyUnit;
import galley.errors.control.Conflict;
import galley.errors.control.InvalidInput;
import galley.errors.control.NotFound;
import galley.security.entity.Role;
import galley.security.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The people who may sign in: created, listed and removed by admins. */
@ApplicationScoped
@Transactional
public class Users {

    @Inject
    @GalleyUnit
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    AccessControl access;

    public User create(String username, String password, String displayName, Set<Role> roles) {
        access.requireAdmin("manage users");
        return createUnchecked(username, password, displayName, roles);
    }

    public List<User> list() {
        access.requireAdmin("manage users");
        return em.createQuery("select distinct u from User u left join fetch u.roles order by u.username", User.class)
                .getResultList();
    }

    public User get(UUID id) {
        access.requireAdmin("manage users");
        return find(id);
    }

    public void delete(UUID id) {
        access.requireAdmin("manage users");
        User user = find(id);
        if (user.getUsername().equals(access.callerName())) {
            throw new Conflict("id", "You cannot delete your own account");
        }
        em.remove(user);
    }

    /**
     * Makes sure {@code username} exists with {@code password} and {@code roles}: used at start-up for the
     * configured bootstrap admin and the demo admin, before anyone is signed in.
     */
    public void ensure(String username, String password, Set<Role> roles) {
        Optional<User> existing = byName(username);
        if (existing.isEmpty()) {
            createUnchecked(username, password, null, roles);
            return;
        }
        User user = existing.get();
        if (!hashing.matches(password, user.getPasswordHash())) user.setPasswordHash(hashing.hash(password));
        user.getRoles().addAll(roles);
    }

    /** The role names of the user called {@code username}, or empty when there is no such user. */
    public Optional<Set<String>> currentRoles(String username) {
        return byName(username).map(u -> u.getRoles().stream().map(Role::roleName).collect(java.util.stream.Collectors.toSet()));
    }

    public boolean anyWithRole(Role role) {
        return !em.createQuery("select u.id from User u join u.roles r where r = :role", UUID.class)
                .setParameter("role", role).setMaxResults(1).getResultList().isEmpty();
    }

    private User createUnchecked(String username, String password, String displayName, Set<Role> roles) {
        if (password == null || password.length() < PasswordHashing.MIN_PASSWORD_LENGTH
                || password.length() > PasswordHashing.MAX_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "must be " + PasswordHashing.MIN_PASSWORD_LENGTH + " to "
                    + PasswordHashing.MAX_PASSWORD_LENGTH + " characters long");
        }
        if (byName(username).isPresent()) throw new Conflict("username", "The user name '" + username + "' is taken");
        User user = new User(username, hashing.hash(password),
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), Instant.now());
        user.setDisplayName(displayName);
        em.persist(user);
        return user;
    }

    private Optional<User> byName(String username) {
        return em.createQuery("select u from User u where u.username = :name", User.class)
                .setParameter("name", username).getResultStream().findFirst();
    }

    private User find(UUID id) {
        User user = em.find(User.class, id);
        if (user == null) throw new NotFound("user", id);
        return user;
    }
}
