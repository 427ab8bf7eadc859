package galley.security.boundary;

import galley.security.entity.Role;
import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks admin resources and the roles that may call them at all (see {@link AdminAccessFilter}). The
 * services check again, per operation.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminApi {

    /** Roles that may call the annotated resource. */
    Role[] value() default {Role.EDITOR, Role.ADMIN};
}
