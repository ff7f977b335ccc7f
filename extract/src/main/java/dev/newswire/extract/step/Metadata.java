package dev.newswire.extract.step;

import java.util.List;

/**
 * What a page says about itself, as {@link MetadataStep} reads it. Absent values are null; the author list is
 * empty, never null.
 *
 * @param title              the headline, not the site name
 * @param headline           the page's first {@code <h1>}, or null (the error-page test reads it)
 * @param description        og:description or meta description
 * @param canonicalUrl       the canonical URL, else the fetched URL, else null
 * @param siteName           the publication's name
 * @param declaredLanguage   the language the page declares ({@code <html lang>}, meta, JSON-LD), ISO 639-1
 * @param accessibleForFree  JSON-LD {@code isAccessibleForFree}, or null when not said
 * @param authors            people credited with the article, cleaned
 * @param published          the publication date from the metadata, or null
 * @param modified           the last-modified date, or null
 * @param signals            what kind of page the markup says this is
 */
public record Metadata(String title, String headline, String description, String canonicalUrl, String siteName,
        String declaredLanguage, Boolean accessibleForFree, List<String> authors, DateValue published,
        DateValue modified, PageSignals signals) {

    /** No metadata at all: what later steps see when the metadata step did not run. */
    public static final Metadata NONE = new Metadata(null, null, null, null, null, null, null, List.of(), null, null,
            PageSignals.NONE);

    public Metadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
        signals = signals == null ? PageSignals.NONE : signals;
    }
}
