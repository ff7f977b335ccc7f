package dev.newswire.extract;

import java.time.Instant;
import java.util.List;

/**
 * What the extractor found on one page. All strings are NFC-normalised; absent values are {@code null}
 * (lists are empty, never null).
 *
 * @param title           the article's headline, not the site name
 * @param authors         people credited with the article (never the site or "admin")
 * @param published       when the article was first published, or null
 * @param publishedSource where {@code published} came from: "json-ld", "meta", "time", "url", "text"
 * @param modified        when the article was last modified, or null
 * @param canonicalUrl    the page's canonical URL (absolute), or the fetched URL when the page has none
 * @param siteName        the publication's name, or null
 * @param language        ISO 639-1 code of the text, or null when unknown
 * @param paragraphs      the main text, one block (paragraph, heading, list item) per entry, in order
 * @param charset         the charset the bytes were decoded with
 * @param pageKind        "article"; or what else the page is: "forum", "listing", "product", "service",
 *                        "documentation", "index", "paywall", "error" or "empty"
 * @param linkDensity     share of the main text's characters that sit inside links (0..1)
 * @param modifiedSource  where {@code modified} came from, like {@code publishedSource}, or null
 * @param publishedDate   the publication date as the page wrote it ({@code yyyy-MM-dd}, the page's own zone), or
 *                        null
 * @param description     the page's summary (og:description or meta description), or null
 * @param pageTextChars   non-space characters of all visible text on the page, a quality signal
 */
public record ExtractionResult(
        String title,
        List<String> authors,
        Instant published,
        String publishedSource,
        Instant modified,
        String canonicalUrl,
        String siteName,
        String language,
        List<String> paragraphs,
        String charset,
        String pageKind,
        double linkDensity,
        String modifiedSource,
        String publishedDate,
        String description,
        int pageTextChars) {

    public ExtractionResult {
        authors = authors == null ? List.of() : List.copyOf(authors);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /** The original twelve-component form, kept for callers written against it. */
    public ExtractionResult(String title, List<String> authors, Instant published, String publishedSource,
            Instant modified, String canonicalUrl, String siteName, String language, List<String> paragraphs,
            String charset, String pageKind, double linkDensity) {
        this(title, authors, published, publishedSource, modified, canonicalUrl, siteName, language, paragraphs,
                charset, pageKind, linkDensity, null,
                published == null ? null : published.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString(),
                null, 0);
    }

    /** The clean text: paragraphs joined by a blank line. Mention offsets refer to this string. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }

    /** Characters of the clean text, a quality signal. */
    public int textLength() {
        return text().length();
    }

    /** Whether the page looks like an article (not a forum, listing, product, service or documentation page, index,
     * paywall stub or error page). */
    public boolean isArticle() {
        return "article".equals(pageKind);
    }
}
