package dev.newswire.extract.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Page metadata: title, authors, published and modified dates (with their source), canonical URL, site name,
 * declared language, description, {@code isAccessibleForFree}. {@link MetadataFacts} gathers the raw material in
 * one pass; then one small rule per field below picks from the sources in order of trust: JSON-LD (the article
 * object), OpenGraph and other {@code <meta>}, microdata and {@code <time>}, byline elements, then the URL. The
 * meta keys, caps and lists are in {@link Heuristics}.
 */
public final class MetadataStep implements ExtractionStep {

    private final DateParser dates;

    public MetadataStep(DateParser dates) {
        this.dates = dates;
    }

    @Override
    public void apply(PageContext page) {
        MetadataFacts f = MetadataFacts.collect(page.doc());
        java.util.Set<String> types = new java.util.HashSet<>(f.microdataTypes);
        JsonNode article = JsonLd.parse(f.jsonLd, types);
        String ogType = f.meta.get("og:type");
        if (ogType != null) {
            types.add("og:" + ogType.strip().toLowerCase(Locale.ROOT));
        }
        String siteName = siteName(f, article);
        page.setMetadata(new Metadata(
                Titles.choose(f.h1, f.meta.get("og:title"), JsonLd.field(article, "headline"), f.titleTag, siteName),
                f.h1.isEmpty() ? null : f.h1.get(0),
                firstMeta(f.meta, Heuristics.DESCRIPTION_META),
                canonicalUrl(f, page.url()),
                siteName,
                declaredLanguage(f, article),
                accessibleForFree(article),
                authors(f, article, siteName),
                published(f, article, page.url()),
                modified(f, article),
                new PageSignals(java.util.Set.copyOf(types), f.elements, f.articles, f.times, f.code, f.inputs, f.links,
                        f.cues.clone())));
    }

    /** og:site_name, application-name, the JSON-LD publisher, the site's social account without its "@". */
    static String siteName(MetadataFacts f, JsonNode article) {
        String account = f.meta.get(Heuristics.SITE_ACCOUNT_META);
        return firstNonBlank(firstMeta(f.meta, Heuristics.SITE_NAME_META), publisher(article),
                account == null ? null : account.replaceFirst("^@", ""));
    }

    /** {@code <link rel=canonical>}, og:url, else the fetched URL (null when unknown). */
    static String canonicalUrl(MetadataFacts f, String url) {
        String canonical = firstNonBlank(f.canonical, f.meta.get("og:url"));
        return canonical != null ? canonical : url.isEmpty() ? null : url;
    }

    /** {@code <html lang>}, then the language metas, then the JSON-LD {@code inLanguage}, as ISO 639-1. */
    static String declaredLanguage(MetadataFacts f, JsonNode article) {
        return isoLanguage(firstNonBlank(f.htmlLang, firstMeta(f.meta, Heuristics.LANGUAGE_META),
                JsonLd.field(article, "inLanguage")));
    }

    /** JSON-LD {@code isAccessibleForFree}: false for "false" or "0", true for anything else, null when absent. */
    static Boolean accessibleForFree(JsonNode article) {
        if (article == null || !article.has("isAccessibleForFree")) {
            return null;
        }
        String free = article.path("isAccessibleForFree").asText("").toLowerCase(Locale.ROOT);
        return !(free.equals("false") || free.equals("0"));
    }

    /**
     * JSON-LD, meta, microdata, {@code <time datetime>}, the URL, a {@code <time>}'s text, a date-classed
     * element's text, and last the JSON-LD {@code dateCreated}.
     */
    DateValue published(MetadataFacts f, JsonNode article, String url) {
        return firstDate(
                article == null ? null : dates.parse(JsonLd.field(article, "datePublished"), "json-ld"),
                metaDate(f.meta, Heuristics.PUBLISHED_META),
                f.itempropPublished == null ? null : dates.parse(f.itempropPublished, "meta"),
                f.firstTime == null ? null : dates.parse(f.firstTime, "time"),
                dates.parseUrl(url),
                f.firstTimeText == null ? null : dates.parseInText(f.firstTimeText, "text"),
                datedText(f.datedTexts),
                article == null ? null : dates.parse(JsonLd.field(article, "dateCreated"), "json-ld"));
    }

    /** JSON-LD, meta, then microdata. */
    DateValue modified(MetadataFacts f, JsonNode article) {
        return firstDate(
                article == null ? null : dates.parse(JsonLd.field(article, "dateModified"), "json-ld"),
                metaDate(f.meta, Heuristics.MODIFIED_META),
                f.itempropModified == null ? null : dates.parse(f.itempropModified, "meta"));
    }

    /**
     * The first source that names anyone: JSON-LD persons, the first author meta, microdata and {@code rel=author}
     * bylines, byline-classed elements; then cleaned by {@link AuthorNames} (the site and publisher are no authors).
     */
    static List<String> authors(MetadataFacts f, JsonNode article, String siteName) {
        List<String> candidates = new ArrayList<>();
        if (article != null) {
            candidates.addAll(JsonLd.authors(article.path("author")));
        }
        if (candidates.isEmpty()) {
            String meta = firstPresentMeta(f.meta, Heuristics.AUTHOR_META);
            if (meta != null) {
                candidates.add(meta);
            }
        }
        if (candidates.isEmpty()) {
            candidates.addAll(f.bylines);
        }
        if (candidates.isEmpty()) {
            candidates.addAll(f.classBylines);
        }
        return AuthorNames.clean(candidates, siteName, publisher(article));
    }

    private static String publisher(JsonNode article) {
        return article == null ? null : JsonLd.text(article.path("publisher").path("name"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private DateValue datedText(List<String> texts) {
        for (String t : texts) {
            DateValue v = dates.parseInText(t, "text");
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private DateValue metaDate(Map<String, String> meta, List<String> keys) {
        for (String key : keys) {
            DateValue v = dates.parse(meta.get(key), "meta");
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static DateValue firstDate(DateValue... values) {
        for (DateValue v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The first non-blank value among the keys, stripped. */
    private static String firstMeta(Map<String, String> meta, List<String> keys) {
        for (String key : keys) {
            String v = meta.get(key);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** The value of the first key present, as it is. */
    private static String firstPresentMeta(Map<String, String> meta, List<String> keys) {
        for (String key : keys) {
            String v = meta.get(key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** "en-US", "en_GB", "de" to the ISO 639-1 code; null when not a language tag. */
    static String isoLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < t.length() && Character.isLetter(t.charAt(cut))) {
            cut++;
        }
        String code = t.substring(0, cut);
        return code.length() == 2 ? code : null;
    }
}
