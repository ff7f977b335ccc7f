package dev.newswire.enrich;

import dev.newswire.extract.ExtractionResult;
import dev.newswire.extract.Extractor;
import dev.newswire.extract.UndecodableContentException;
import dev.newswire.metrics.Metrics;
import dev.newswire.model.Article;
import dev.newswire.model.Keys;
import dev.newswire.model.RawPage;
import dev.newswire.model.SchemaVersions;
import dev.newswire.tagger.Entity;
import dev.newswire.tagger.Tagger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one raw page into an article: extract the main text and metadata, then tag people, places and
 * organisations. Plain Java, no Kafka: the topology only wires it.
 */
public final class ArticleEnricher {

    private final Extractor extractor;
    private final Tagger tagger;
    private final int maxBodyBytes;

    public ArticleEnricher(Extractor extractor, Tagger tagger, int maxBodyBytes) {
        this.extractor = extractor;
        this.tagger = tagger;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @throws EnrichmentException when the page cannot become an article (HTTP error, too large, not HTML text)
     */
    public Article enrich(RawPage page) throws EnrichmentException {
        if (page.httpStatus() >= 300) {
            throw new EnrichmentException("http-error", "HTTP status " + page.httpStatus() + " is not a page to enrich");
        }
        if (page.body().length > maxBodyBytes) {
            throw new EnrichmentException("too-large", "body of " + page.body().length
                    + " bytes is over enrich.max.body.bytes=" + maxBodyBytes);
        }
        ExtractionResult r;
        long t0 = System.nanoTime();
        long cpu = StepTimes.now();
        try {
            r = extractor.extract(page.body(), page.contentType(), page.url());
        } catch (UndecodableContentException e) {
            throw new EnrichmentException("undecodable-content", e.getMessage(), e);
        } finally {
            Metrics.global().extraction(System.nanoTime() - t0);
            cpu = StepTimes.record(StepTimes.Step.EXTRACT, cpu);
        }
        List<String> paragraphs = r.paragraphs().stream().map(TextSanitizer::clean).filter(p -> !p.isBlank()).toList();
        String text = String.join("\n\n", paragraphs);
        String canonical = canonicalUrl(r.canonicalUrl(), page.url());
        List<Article.Entity> entities = new ArrayList<>();
        if (!text.isEmpty()) {
            cpu = StepTimes.record(StepTimes.Step.ASSEMBLE, cpu);
            long t1 = System.nanoTime();
            // the page's host is evidence for where its places are (a country-code domain)
            for (Entity e : tagger.tag(text, Keys.host(canonical))) {
                entities.add(toArticleEntity(e));
            }
            Metrics.global().tagging(System.nanoTime() - t1);
            cpu = StepTimes.record(StepTimes.Step.TAG, cpu);
        }
        Article article = new Article(SchemaVersions.ARTICLE, Keys.articleId(canonical), page.url(), canonical, Keys.host(canonical),
                TextSanitizer.clean(r.siteName()), TextSanitizer.clean(r.title()), TextSanitizer.clean(byline(r.authors())),
                r.authors().stream().map(TextSanitizer::clean).toList(), r.published(), r.publishedSource(),
                r.modified(), r.language(), text, paragraphs, entities, page.fetchedAt(), page.crawler(),
                new Article.Quality(r.pageKind(), r.isArticle(), text.length(), r.linkDensity()), null, null);
        StepTimes.record(StepTimes.Step.ASSEMBLE, cpu);
        return article;
    }

    private static String canonicalUrl(String fromPage, String fetched) {
        if (fromPage != null) {
            try {
                return Keys.normalizeUrl(fromPage);
            } catch (RuntimeException e) {
                // a malformed canonical link: fall back to the URL we fetched
            }
        }
        return Keys.normalizeUrl(fetched);
    }

    private static String byline(List<String> authors) {
        if (authors.isEmpty()) {
            return null;
        }
        if (authors.size() == 1) {
            return authors.get(0);
        }
        return String.join(", ", authors.subList(0, authors.size() - 1)) + " and " + authors.get(authors.size() - 1);
    }

    private static Article.Entity toArticleEntity(Entity e) {
        List<Article.Mention> mentions = e.mentions().stream()
                .map(m -> new Article.Mention(m.start(), m.end(), m.text())).toList();
        return new Article.Entity(e.type().name(), e.name(), e.id(), e.salience(), mentions.size(),
                e.attributes(), mentions);
    }
}
