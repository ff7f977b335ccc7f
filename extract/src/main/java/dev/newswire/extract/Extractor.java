package dev.newswire.extract;

import dev.newswire.extract.lang.LanguageIdentifier;
import dev.newswire.extract.step.Block;
import dev.newswire.extract.step.BlockExtractStep;
import dev.newswire.extract.step.BoilerplateFilterStep;
import dev.newswire.extract.step.DateParser;
import dev.newswire.extract.step.DateValue;
import dev.newswire.extract.step.DecodeStep;
import dev.newswire.extract.step.ExtractionStep;
import dev.newswire.extract.step.LanguageStep;
import dev.newswire.extract.step.MainContentStep;
import dev.newswire.extract.step.Metadata;
import dev.newswire.extract.step.MetadataStep;
import dev.newswire.extract.step.PageContext;
import dev.newswire.extract.step.PageKindStep;
import dev.newswire.extract.step.ParseStep;
import dev.newswire.extract.step.PruneStep;
import dev.newswire.extract.step.TextDateStep;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Main-content extractor: bytes or HTML in, {@link ExtractionResult} out. Thread-safe; create once, reuse.
 *
 * <p>The work is a chain of small steps, run in this order: {@link DecodeStep} (bytes only), {@link ParseStep},
 * {@link MetadataStep}, {@link PruneStep}, {@link MainContentStep}, {@link BlockExtractStep},
 * {@link BoilerplateFilterStep}, {@link TextDateStep}, {@link LanguageStep}, {@link PageKindStep}.
 *
 * <pre>{@code
 * ExtractionResult r = Extractor.create().extract(bytes, "text/html; charset=utf-8", "https://example.com/a");
 * }</pre>
 */
public final class Extractor {

    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);

    private final ExtractionStep decode = new DecodeStep();
    private final List<ExtractionStep> steps;

    private Extractor(Clock clock) {
        DateParser dates = new DateParser(clock);
        this.steps = List.of(
                new ParseStep(),
                new MetadataStep(dates),
                new PruneStep(),
                new MainContentStep(),
                new BlockExtractStep(),
                new BoilerplateFilterStep(),
                new TextDateStep(dates),
                new LanguageStep(LanguageIdentifier.standard()),
                new PageKindStep());
    }

    /** An extractor with the default settings. */
    public static Extractor create() {
        return new Extractor(Clock.systemUTC());
    }

    /** An extractor whose "now" (for rejecting future dates) comes from the given clock; for tests. */
    public static Extractor create(Clock clock) {
        return new Extractor(clock);
    }

    /** The steps run after decoding, in order. */
    public List<ExtractionStep> steps() {
        return steps;
    }

    /**
     * Decodes the body (BOM, HTTP charset, meta charset, each validated, then sniffing) and extracts.
     *
     * @param body        the response body as fetched
     * @param contentType the HTTP Content-Type header, or null
     * @param url         the URL the page was fetched from, used to resolve links
     * @return what was found; non-articles are flagged by {@link ExtractionResult#pageKind()}
     * @throws UndecodableContentException when the bytes are not HTML text (empty, binary)
     */
    public ExtractionResult extract(byte[] body, String contentType, String url) throws UndecodableContentException {
        PageContext page = PageContext.ofBytes(url, body, contentType);
        decode.apply(page);
        if (page.undecodableReason() != null) {
            throw new UndecodableContentException(page.undecodableReason());
        }
        return run(page);
    }

    /**
     * Extracts from already decoded HTML. The result's charset is "UTF-8".
     *
     * @param html the page's HTML
     * @param url  the URL the page was fetched from, or null
     * @return what was found; non-articles are flagged by {@link ExtractionResult#pageKind()}
     */
    public ExtractionResult extract(String html, String url) {
        // no bytes were decoded; the charset reads as what the text is carried as downstream
        return run(PageContext.ofHtml(url, html));
    }

    private ExtractionResult run(PageContext page) {
        for (ExtractionStep step : steps) {
            try {
                step.apply(page);
            } catch (RuntimeException | StackOverflowError e) {
                // never crash on a page: what the earlier steps found is still worth returning, flagged
                LOG.warn("step {} failed on {}: {}", step.name(), page.url(), e.toString());
                if (page.doc() == null) {
                    break;
                }
            }
        }
        return toResult(page);
    }

    private static ExtractionResult toResult(PageContext page) {
        List<String> paragraphs = new ArrayList<>(page.blocks().size());
        for (Block b : page.blocks()) {
            paragraphs.add(b.text());
        }
        Metadata meta = page.metadata();
        DateValue published = page.published();
        DateValue modified = meta.modified();
        PageContext.Verdict verdict = page.verdict();
        PageContext.Pruned pruned = page.pruned();
        return new ExtractionResult(
                meta.title(),
                meta.authors(),
                published == null ? null : published.instant(),
                published == null ? null : published.source(),
                modified == null ? null : modified.instant(),
                meta.canonicalUrl(),
                meta.siteName(),
                page.language(),
                paragraphs,
                page.charset(),
                verdict != null ? verdict.kind() : paragraphs.isEmpty() ? "empty" : "article",
                verdict != null ? verdict.linkDensity() : 0,
                modified == null ? null : modified.source(),
                published == null ? null : published.localDate(),
                meta.description(),
                pruned == null ? 0 : pruned.pageTextChars());
    }
}
