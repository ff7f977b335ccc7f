package dev.newswire.sink;

import dev.newswire.model.Article;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Where the sink stores articles, together with the offsets it consumed: both in one transaction, so the sink resumes
 * exactly after the last stored batch. {@link PostgresArticleStore} is the store; the interface lets a test wrap it
 * (to fail, or to halt the JVM after a commit) without a hook in production code.
 */
public interface ArticleStore {

    /** Creates or migrates the schema. Idempotent. */
    void migrate() throws SQLException;

    /** The next offsets to read per partition of {@code topic}, as last committed with the articles. */
    Map<Integer, Long> readOffsets(String group, String topic) throws SQLException;

    /**
     * Writes the articles and the next offsets in one transaction.
     *
     * @param nextOffsets partition → next offset to read, for {@code topic}
     */
    void write(List<Article> articles, String group, String topic, Map<Integer, Long> nextOffsets) throws SQLException;

    /** Throws what the store thinks of one article, storing nothing. */
    void check(Article article) throws SQLException;
}
