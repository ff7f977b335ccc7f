package dev.newswire.ops;

import dev.newswire.model.Article;
import dev.newswire.model.Keys;
import dev.newswire.model.SchemaVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made articles for the ops tests: mention offsets are computed from the text, so they are always right. */
public final class TestArticles {

    private TestArticles() {
    }

    /**
     * An article whose entities are given as {type, name, mention text} triples; every occurrence of the mention
     * text in {@code text} becomes a mention.
     */
    public static Article article(String url, String title, String language, String text, String[]... entities) {
        List<Article.Entity> list = new ArrayList<>();
        for (String[] e : entities) {
            List<Article.Mention> mentions = new ArrayList<>();
            for (int i = text.indexOf(e[2]); i >= 0; i = text.indexOf(e[2], i + 1)) {
                mentions.add(new Article.Mention(i, i + e[2].length(), e[2]));
            }
            list.add(new Article.Entity(e[0], e[1], null, 0.5, mentions.size(), Map.of(), mentions));
        }
        return new Article(SchemaVersions.ARTICLE, Keys.articleId(url), url, url, Keys.host(url), null, title, null,
                List.of(), Instant.parse("2026-11-28T10:00:00Z"), "meta", null, language, text, List.of(text), list,
                Instant.now().minusSeconds(5), "ops-test", new Article.Quality("article", true, text.length(), 0.0),
                null, null);
    }

    public static String[] person(String name, String mention) {
        return new String[]{"PERSON", name, mention};
    }

    public static String[] place(String name, String mention) {
        return new String[]{"LOCATION", name, mention};
    }
}
