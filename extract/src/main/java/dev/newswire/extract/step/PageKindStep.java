package dev.newswire.extract.step;

/**
 * Says what kind of page this is, so that non-articles are flagged, not passed off as articles:
 * <ul>
 *   <li>"empty": no main text at all;</li>
 *   <li>"error": the title or headline reads like an error page and there is little text;</li>
 *   <li>"paywall": short text with a subscribe-to-continue line, or JSON-LD saying the page is not free and the
 *       text is short;</li>
 *   <li>"index": little main text on a page made mostly of links (section fronts, tag pages, search results);</li>
 *   <li>"article" otherwise.</li>
 * </ul>
 * Also sets the main text's link density.
 */
public final class PageKindStep implements ExtractionStep {

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
        for (Block b : page.blocks) {
            chars += b.text().length();
            links += b.linkChars();
            if (!paywallLine && b.text().length() < 300 && mayBePaywallLine(b.text())
                    && Heuristics.PAYWALL_LINE.matcher(b.text()).find()) {
                paywallLine = true;
            }
        }
        page.linkDensity = chars == 0 ? 0 : Math.min(1.0, (double) links / chars);
        double pageLinkDensity = page.pageTextChars == 0 ? 0 : (double) page.pageLinkChars / page.pageTextChars;
        for (Block b : page.droppedBlocks) {
            if (!paywallLine && b.text().length() < 300 && mayBePaywallLine(b.text())
                    && Heuristics.PAYWALL_LINE.matcher(b.text()).find()) {
                paywallLine = true;
            }
        }
        String title = (page.title == null ? "" : page.title) + " | " + (page.headline == null ? "" : page.headline);
        if (chars == 0) {
            // nothing but link lists: a section front or tag page; nothing at all: empty
            page.pageKind = page.droppedBlocks.size() >= Heuristics.INDEX_PAGE_MIN_LINK_BLOCKS ? "index" : "empty";
        } else if (chars < Heuristics.PAYWALL_MAX_CHARS && Heuristics.ERROR_PAGE.matcher(title).find()) {
            page.pageKind = "error";
        } else if (chars < Heuristics.PAYWALL_MAX_CHARS
                && (paywallLine || Boolean.FALSE.equals(page.accessibleForFree))) {
            page.pageKind = "paywall";
        } else if (chars < Heuristics.MIN_ARTICLE_CHARS
                || chars < 4 * Heuristics.MIN_ARTICLE_CHARS && pageLinkDensity > Heuristics.INDEX_PAGE_LINK_DENSITY) {
            page.pageKind = "index";
        } else {
            page.pageKind = "article";
        }
    }
}
