package galley.security.boundary;

import galley.security.entity.Role;
import galley.security.entity.Scope;
import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks admin resources and who may call them at all (see {@link AdminAccessFilter}); on a method it
 * replaces the class's. The services check again, per operation (an author, for instance, only their own
 * drafts).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminApi {

    /** User roles that may call the annotated resource. */
    Role[] value() default {Role.EDITOR, Role.ADMIN};

    /** API token scopes that may call it; read-drafts only ever reads (GET and HEAD). */
    Scope[] scopes() default {Scope.READ_DRAFTS, Scope.WRITE_CONTENT};
}
