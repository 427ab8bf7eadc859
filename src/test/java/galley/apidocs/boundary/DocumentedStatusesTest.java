package galley.apidocs.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import galley.articles.boundary.AdminArticleSummary;
import galley.articles.boundary.AdminArticleView;
import galley.articles.boundary.ArticleRevisionView;
import galley.articles.entity.ArticleStatus;
import galley.webhooks.boundary.ArticleEvent;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The article statuses the document lists are written out in annotations (they must be constants); they
 * must be exactly the workflow's, or answers with a new status break the contract (IN_REVIEW did).
 */
class DocumentedStatusesTest {

    @Test
    void everyDocumentedArticleStatusListIsTheWorkflows() throws Exception {
        List<String> workflow = Arrays.stream(ArticleStatus.values()).map(Enum::name).toList();
        for (Class<?> record : List.of(AdminArticleView.class, AdminArticleSummary.class, ArticleRevisionView.class, ArticleEvent.Data.class)) {
            Schema schema = record.getDeclaredField("status").getAnnotation(Schema.class);
            assertEquals(workflow, List.of(schema.enumeration()), record.getSimpleName());
        }
    }
}
