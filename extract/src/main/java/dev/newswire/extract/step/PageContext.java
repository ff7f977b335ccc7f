package dev.newswire.extract.step;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One page on its way through the steps: the input, then one result per step, each set once by the step that
 * owns it (a second set is a bug and throws). Steps read what earlier steps left through the getters; a result
 * that is missing because its step failed reads as empty, so the later steps still run. Not thread-safe: one
 * context per page.
 *
 * <table>
 *   <caption>Who sets what</caption>
 *   <tr><th>step</th><th>result</th></tr>
 *   <tr><td>{@link DecodeStep}</td><td>{@link #html()} (taken by the parser), {@link #charset()} or
 *       {@link #undecodableReason()}</td></tr>
 *   <tr><td>{@link ParseStep}</td><td>{@link #doc()}</td></tr>
 *   <tr><td>{@link MetadataStep}</td><td>{@link #metadata()}</td></tr>
 *   <tr><td>{@link PruneStep}</td><td>{@link #pruned()}</td></tr>
 *   <tr><td>{@link MainContentStep}</td><td>{@link #contentRoots()}</td></tr>
 *   <tr><td>{@link BlockExtractStep}</td><td>{@link #extractedBlocks()}</td></tr>
 *   <tr><td>{@link BoilerplateFilterStep}</td><td>{@link #filtered()}</td></tr>
 *   <tr><td>{@link TextDateStep}</td><td>{@link #textDate()}</td></tr>
 *   <tr><td>{@link LanguageStep}</td><td>{@link #language()}</td></tr>
 *   <tr><td>{@link PageKindStep}</td><td>{@link #verdict()}</td></tr>
 * </table>
 */
public final class PageContext {

    /** What the pruning step leaves: statistics of the pruned body and the size of its visible text. */
    public record Pruned(TextStats stats, int pageTextChars, int pageLinkChars) {
    }

    /** What the boilerplate filter kept as the main text and what it set aside (page-kind and date signals). */
    public record Filtered(List<Block> kept, List<Block> dropped) {
        public Filtered {
            kept = List.copyOf(kept);
            dropped = List.copyOf(dropped);
        }
    }

    /**
     * The page-kind verdict.
     *
     * @param kind        "article", "index", "paywall", "error", "empty", ...
     * @param linkDensity share of the main text's characters inside links (0..1)
     */
    public record Verdict(String kind, double linkDensity) {
    }

    private final String url;
    // input, handed over once
    private byte[] body;
    private final String contentType;
    private String html;

    private String charset;
    private String undecodableReason;
    private Document doc;
    private Metadata metadata;
    private Pruned pruned;
    private List<Element> contentRoots;
    private List<Block> extractedBlocks;
    private Filtered filtered;
    private DateValue textDate;
    private String language;
    private Verdict verdict;

    private PageContext(String url, byte[] body, String contentType, String html, String charset) {
        this.url = url == null ? "" : url;
        this.body = body;
        this.contentType = contentType;
        this.html = html;
        this.charset = charset;
    }

    /** A page that came as bytes, to be decoded by {@link DecodeStep}. */
    public static PageContext ofBytes(String url, byte[] body, String contentType) {
        return new PageContext(url, body, contentType, null, null);
    }

    /**
     * A page that came as decoded text; its charset reads "UTF-8", which is how the text is carried downstream.
     */
    public static PageContext ofHtml(String url, String html) {
        return new PageContext(url, null, null, html == null ? "" : html, "UTF-8");
    }

    private static <T> T once(T current, T value, String what) {
        if (current != null) {
            throw new IllegalStateException(what + " is already set");
        }
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    // ------------------------------------------------------------------------------------------ input

    /** The URL the page was fetched from ("" when unknown). */
    public String url() {
        return url;
    }

    /** The HTTP Content-Type header, or null. */
    public String contentType() {
        return contentType;
    }

    /** Hands the raw body over to the decoder, once; null when the page came as text or was decoded. */
    byte[] takeBody() {
        byte[] b = body;
        body = null;
        return b;
    }

    /** Hands the decoded HTML over to the parser, once (the string is not kept, to free memory). */
    String takeHtml() {
        String h = html;
        html = null;
        return h;
    }

    // ------------------------------------------------------------------------------------------ DecodeStep

    /** The decoded HTML before parsing, or null once parsed. */
    public String html() {
        return html;
    }

    /** The charset the bytes were decoded with, or null when they could not be decoded. */
    public String charset() {
        return charset;
    }

    /** Why the body could not be read as HTML text; null when it could. */
    public String undecodableReason() {
        return undecodableReason;
    }

    void setDecoded(String html, String charset) {
        this.charset = once(this.charset, charset, "charset");
        this.html = html;
    }

    void setUndecodable(String reason) {
        this.undecodableReason = once(this.undecodableReason, reason, "undecodableReason");
    }

    // ------------------------------------------------------------------------------------------ ParseStep

    /** The parsed document, or null before parsing. */
    public Document doc() {
        return doc;
    }

    void setDoc(Document doc) {
        this.doc = once(this.doc, doc, "doc");
    }

    // ------------------------------------------------------------------------------------------ MetadataStep

    /** What the page says about itself; {@link Metadata#NONE} before (or without) the metadata step. */
    public Metadata metadata() {
        return metadata == null ? Metadata.NONE : metadata;
    }

    void setMetadata(Metadata metadata) {
        this.metadata = once(this.metadata, metadata, "metadata");
    }

    // ------------------------------------------------------------------------------------------ PruneStep

    /** The pruned body's statistics, or null before pruning. */
    public Pruned pruned() {
        return pruned;
    }

    /** Statistics of the pruned body, or null before pruning. */
    public TextStats stats() {
        return pruned == null ? null : pruned.stats();
    }

    void setPruned(Pruned pruned) {
        this.pruned = once(this.pruned, pruned, "pruned");
    }

    // ------------------------------------------------------------------------------------------ MainContentStep

    /** The element(s) holding the main text, in document order; empty before the main-content step. */
    public List<Element> contentRoots() {
        return contentRoots == null ? List.of() : contentRoots;
    }

    void setContentRoots(List<Element> roots) {
        this.contentRoots = List.copyOf(once(this.contentRoots, roots, "contentRoots"));
    }

    // ------------------------------------------------------------------------------------------ BlockExtractStep

    /** The blocks of the content root(s), in order, before filtering; empty before extraction. */
    public List<Block> extractedBlocks() {
        return extractedBlocks == null ? List.of() : extractedBlocks;
    }

    void setExtractedBlocks(List<Block> blocks) {
        this.extractedBlocks = List.copyOf(once(this.extractedBlocks, blocks, "extractedBlocks"));
    }

    // ------------------------------------------------------------------------------------------ BoilerplateFilterStep

    /** The filter's result, or null before filtering. */
    public Filtered filtered() {
        return filtered;
    }

    void setFiltered(Filtered filtered) {
        this.filtered = once(this.filtered, filtered, "filtered");
    }

    /** The main text blocks: what the filter kept, or the extracted blocks when the filter has not run. */
    public List<Block> blocks() {
        return filtered != null ? filtered.kept() : extractedBlocks();
    }

    /** The blocks the filter set aside; empty before filtering. */
    public List<Block> droppedBlocks() {
        return filtered != null ? filtered.dropped() : List.of();
    }

    // ------------------------------------------------------------------------------------------ TextDateStep

    /** A publication date read from a short line of the text, or null. */
    public DateValue textDate() {
        return textDate;
    }

    void setTextDate(DateValue date) {
        this.textDate = once(this.textDate, date, "textDate");
    }

    /** The publication date: the metadata's, else the one read from the text, else null. */
    public DateValue published() {
        return metadata().published() != null ? metadata().published() : textDate;
    }

    // ------------------------------------------------------------------------------------------ LanguageStep

    /** ISO 639-1 code of the text, or null. */
    public String language() {
        return language;
    }

    void setLanguage(String language) {
        this.language = once(this.language, language, "language");
    }

    // ------------------------------------------------------------------------------------------ PageKindStep

    /** The page-kind verdict, or null before the page-kind step. */
    public Verdict verdict() {
        return verdict;
    }

    void setVerdict(Verdict verdict) {
        this.verdict = once(this.verdict, verdict, "verdict");
    }

    // ------------------------------------------------------------------------------------------ derived

    /** The main text: blocks joined by a blank line. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks()) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(b.text());
        }
        return sb.toString();
    }
}
