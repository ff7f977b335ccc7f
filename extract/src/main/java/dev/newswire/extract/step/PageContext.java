package dev.newswire.extract.step;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The state of one page as it goes through the steps. Not thread-safe: one context per page.
 */
public final class PageContext {

    /** The URL the page was fetched from ("" when unknown). */
    public final String url;
    /** The raw body, when the page came as bytes (cleared once decoded). */
    public byte[] body;
    /** The HTTP Content-Type header, or null. */
    public String contentType;
    /** Why the body could not be read as HTML text, set by the decode step; null when it could. */
    public String undecodableReason;
    /** The decoded HTML (before parsing; cleared once parsed to free memory). */
    public String html;
    /** The charset the bytes were decoded with. */
    public String charset;
    /** The parsed document. */
    public Document doc;

    public String title;
    /** The page's first {@code <h1>}, or null. */
    public String headline;
    public String description;
    public String canonicalUrl;
    public String siteName;
    /** The language the page declares ({@code <html lang>}, meta, JSON-LD), ISO 639-1, or null. */
    public String declaredLanguage;
    /** og:type or the JSON-LD type of the main entity, lower-case, or null. */
    public String declaredType;
    /** JSON-LD {@code isAccessibleForFree}, or null when not said. */
    public Boolean accessibleForFree;
    public final List<String> authors = new ArrayList<>();
    public DateValue published;
    public DateValue modified;

    /** Characters of all visible text of the page (after pruning), for quality signals. */
    public int pageTextChars;
    /** Characters of that text inside links. */
    public int pageLinkChars;

    /** Text statistics of the pruned body, shared by the content steps. */
    public TextStats stats;
    /** The element(s) holding the main text, in document order. */
    public final List<Element> contentRoots = new ArrayList<>();
    /** The main text blocks, in order. */
    public final List<Block> blocks = new ArrayList<>();
    /** Characters of the blocks extracted so far (before filtering), for the size guards. */
    public int textChars;
    /** Blocks the boilerplate filter dropped (page-kind signals such as paywall lines live there). */
    public final List<Block> droppedBlocks = new ArrayList<>();

    public String language;
    public String pageKind;
    public double linkDensity;

    public PageContext(String url) {
        this.url = url == null ? "" : url;
    }

    /** The main text: blocks joined by a blank line. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(b.text());
        }
        return sb.toString();
    }
}
