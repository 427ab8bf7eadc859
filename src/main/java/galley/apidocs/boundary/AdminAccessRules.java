package galley.apidocs.boundary;

import galley.audit.boundary.AuditResource;
import galley.articles.boundary.AdminArticleRevisionsResource;
import galley.articles.boundary.AdminArticlesResource;
import galley.authors.boundary.AdminAuthorRevisionsResource;
import galley.authors.boundary.AdminAuthorsResource;
import galley.security.boundary.AdminAccessFilter;
import galley.security.boundary.AdminApi;
import galley.security.boundary.ApiTokensResource;
import galley.security.boundary.UsersResource;
import galley.security.entity.Role;
import galley.security.entity.Scope;
import galley.similar.boundary.AdminRecomputeResource;
import galley.similar.boundary.AdminSimilarResource;
import galley.tags.boundary.AdminTagsResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who may call each admin operation, read from the same {@link AdminApi} annotations the access filter
 * enforces, so the document cannot say otherwise: the roles and token scopes by path and method.
 */
final class AdminAccessRules {

    static final List<Class<?>> ADMIN_RESOURCES = List.of(AdminArticlesResource.class, AdminArticleRevisionsResource.class,
            AdminAuthorsResource.class, AdminAuthorRevisionsResource.class, AdminTagsResource.class, AdminSimilarResource.class,
            AdminRecomputeResource.class, UsersResource.class, ApiTokensResource.class, AuditResource.class,
            galley.webhooks.boundary.WebhooksResource.class);

    /** The roles and scopes admitted to one operation. */
    record Admitted(List<String> roles, List<String> scopes) {
    }

    private final Map<String, Admitted> byOperation = new HashMap<>();

    AdminAccessRules() {
        for (Class<?> type : ADMIN_RESOURCES) {
            String base = "/api/" + strip(type.getAnnotation(Path.class).value());
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) continue;
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? base : base + "/" + strip(sub.value());
                AdminApi admitted = AdminAccessFilter.admitted(method, type);
                List<String> roles = new ArrayList<>();
                for (Role role : admitted.value()) roles.add(role.roleName());
                List<String> scopes = new ArrayList<>();
                for (Scope scope : admitted.scopes()) {
                    if (AdminAccessFilter.admits(admitted, verb, scope.roleName()::equals)) scopes.add(scope.roleName());
                }
                byOperation.put(verb.toLowerCase(Locale.ROOT) + " " + path, new Admitted(roles, scopes));
            }
        }
    }

    /** Who may call {@code method path}, or null when it is not an admin operation. */
    Admitted of(String method, String path) {
        return byOperation.get(method.toLowerCase(Locale.ROOT) + " " + path);
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) return http.value();
        }
        return null;
    }

    private static String strip(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
