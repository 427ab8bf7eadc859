package galley.similar.control;

/**
 * Names of the article index's fields the engine reads directly with Lucene. Hibernate Search's Lucene
 * backend names index fields by their mapped paths (see {@code Article} and {@code ArticleTextBinder}).
 */
final class IndexFields {

    static final String ID = "articleId";
    static final String LANGUAGE = "language";
    static final String STATUS = "status";
    static final String PUBLISHED = "PUBLISHED";
    static final String TRANSLATION_GROUP = "translationGroup";

    private IndexFields() {
    }
}
