package dev.newswire.extract.step;

/**
 * Says what kind of page this is, so that non-articles are flagged, not passed off as articles:
 * <ul>
 *   <li>"empty": no main text at all;</li>
 *   <li>"error": the title or headline reads like an error page and there is little text;</li>
 *   <li>"paywall": short text with a subscribe-to-continue line, or JSON-LD saying the page is not free and the
 *       text is short;</li>
 *   <li>"index": little main text on a page made mostly of links (section fronts, tag pages, search results);</li>
 *   <li>otherwise the {@link PageKindClassifier} tells an "article" from a "forum" (threads, Q&amp;A), a "listing"
 *       (categories, collections, search results), a "product", a "service" (landing, company and service pages)
 *       and "documentation" by {@link PageFeatures}: declared types, URL words, the date and byline, the shape of
 *       the text and counts of telling elements. It says "article" unless it is fairly sure, so that at most about
 *       1 % of articles are flagged.</li>
 * </ul>
 * Also sets the main text's link density.
 */
public final class PageKindStep implements ExtractionStep {

    private final PageKindClassifier classifier;

    /** The step with the shipped page-kind classifier. */
    public PageKindStep() {
        this(PageKindClassifier.standard());
    }

    /** @param classifier tells articles from forums, listings, products, services and documentation; null: rules only */
    public PageKindStep(PageKindClassifier classifier) {
        this.classifier = classifier;
    }

    /** Cheap test before the paywall regex: every paywall line names subscribing, members, reading or signing in. */
    static boolean mayBePaywallLine(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return t.contains("subscri") || t.contains("member") || t.contains("continue") || t.contains("sign in")
                || t.contains("unlock") || t.contains("account");
    }

    @Override
    public void apply(PageContext page) {
        int chars = 0;
        int links = 0;
        boolean paywallLine = false;
        for (Block b : page.blocks()) {
            chars += b.text().length();
            links += b.linkChars();
            if (!paywallLine && b.text().length() < 300 && mayBePaywallLine(b.text())
                    && Heuristics.PAYWALL_LINE.matcher(b.text()).find()) {
                paywallLine = true;
            }
        }
        double linkDensity = chars == 0 ? 0 : Math.min(1.0, (double) links / chars);
        PageContext.Pruned pruned = page.pruned();
        int pageTextChars = pruned == null ? 0 : pruned.pageTextChars();
        double pageLinkDensity = pageTextChars == 0 ? 0 : (double) pruned.pageLinkChars() / pageTextChars;
        for (Block b : page.droppedBlocks()) {
            if (!paywallLine && b.text().length() < 300 && mayBePaywallLine(b.text())
                    && Heuristics.PAYWALL_LINE.matcher(b.text()).find()) {
                paywallLine = true;
            }
        }
        Metadata meta = page.metadata();
        String title = (meta.title() == null ? "" : meta.title()) + " | " + (meta.headline() == null ? "" : meta.headline());
        String kind;
        if (chars == 0) {
            // nothing but link lists: a section front or tag page; nothing at all: empty
            kind = page.droppedBlocks().size() >= Heuristics.INDEX_PAGE_MIN_LINK_BLOCKS ? "index" : "empty";
        } else if (chars < Heuristics.PAYWALL_MAX_CHARS && Heuristics.ERROR_PAGE.matcher(title).find()) {
            kind = "error";
        } else if (chars < Heuristics.PAYWALL_MAX_CHARS
                && (paywallLine || Boolean.FALSE.equals(meta.accessibleForFree()))) {
            kind = "paywall";
        } else if (chars < Heuristics.MIN_ARTICLE_CHARS
                || chars < 4 * Heuristics.MIN_ARTICLE_CHARS && pageLinkDensity > Heuristics.INDEX_PAGE_LINK_DENSITY) {
            kind = "index";
        } else {
            kind = classifier == null ? "article" : classifier.kind(PageFeatures.of(page));
        }
        page.setVerdict(new PageContext.Verdict(kind, linkDensity));
    }
}
