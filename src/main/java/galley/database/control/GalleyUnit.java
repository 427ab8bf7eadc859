package galley.database.control;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Galley's persistence unit ({@code galley}) as CDI beans: {@code @Inject @GalleyUnit EntityManager} and
 * {@code @Inject @GalleyUnit EntityManagerFactory}. The server makes these beans from the unit's
 * {@code <qualifier>} and {@code <scope>} in {@code persistence.xml} (Jakarta EE 11 platform, integration of
 * Persistence with CDI): the entity manager is container-managed and transaction-scoped, exactly what
 * {@code @PersistenceContext} injects, and joins the JTA transactions of {@code @Transactional}.
 *
 * <p>Why not {@code @PersistenceContext}: Payara 7.2025.1 does not read the {@code @PersistenceContext},
 * {@code @PersistenceUnit} and {@code @Resource} fields of CDI beans that live in a library jar of a WAR
 * ({@code WEB-INF/lib}, where Galley's module jar is in a host application): it binds them as String
 * environment entries and the deployment fails. {@code @Inject} is CDI's alone and works the same in
 * {@code galley.war} and in a host. The qualifier keeps Galley's unit apart from a host's own
 * {@code @Default} one.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface GalleyUnit {
}
